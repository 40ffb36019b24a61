export type { PaymentsPort, ChargeRequest, ChargeResult, RefundRequest, RefundResult, DeclineCode } from './port.ts';
export { TestPaymentsProvider, TEST_TOKENS } from './test-provider.ts';
export { paymentsMigrations } from './migrations.ts';

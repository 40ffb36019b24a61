export type { PaymentsPort, ChargeRequest, ChargeResult, RefundRequest, RefundResult, DeclineCode, PaymentIntentRequest, BrowserPaymentIntent } from './port.ts';
export { TestPaymentsProvider, TEST_TOKENS } from './test-provider.ts';
export { paymentsMigrations } from './migrations.ts';
export { StripePaymentsProvider, STRIPE_SPT_API_VERSION } from './stripe-provider.ts';
export type { StripeProviderOptions } from './stripe-provider.ts';

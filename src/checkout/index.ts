export type {
  Address, AppliedDiscount, Buyer, CheckoutSession, Contact, FulfillmentOption, ItemFacts, Message, OrderRef, RejectedDiscount,
  RequestedLine, SessionChanges, SessionLine, SessionStatus, Totals,
} from './types.ts';
export { SESSION_STATUSES } from './types.ts';
export { TRANSITIONS, TERMINAL, EDITABLE, canTransition } from './state-machine.ts';
export type { CheckoutCatalogPort } from './ports.ts';
export { CheckoutService } from './service.ts';
export type { CreateInput } from './service.ts';
export { CheckoutPayments } from './payment-phase.ts';
export type { BeginPayment } from './payment-phase.ts';
export { CheckoutStore } from './store.ts';
export { CheckoutOutbox } from './outbox.ts';
export type { OutboxEvent } from './outbox.ts';
export { checkoutMigrations } from './migrations.ts';
export { priceCart, allocate } from './pricing.ts';
export { addBusinessDays } from './fulfillment.ts';
export { MAX_LINE_QUANTITY, MAX_SESSION_LINES, MAX_SESSION_UNITS, MAX_TOTAL_AMOUNT } from './limits.ts';
export type { HoldLimits } from './service.ts';
export { DiscountUses } from './discount-uses.ts';

import { formatMoney, ShopkeeperError } from '../../platform/index.ts';
import type { Customer, Order, PaymentMethod } from '../types.ts';

/**
 * A refusal by policy: names the rule (a dotted path in policy.yaml) and the help article that
 * explains it, so the assistant can cite it instead of improvising a reason.
 */
export function refuse(rule: string, article: string, message: string, fix: string, field?: string): ShopkeeperError {
  return new ShopkeeperError('policy_violation', /[.!?]$/.test(message) ? message : `${message}.`, { rule, article, fix, ...(field ? { field } : {}) });
}

/** How a shopper reads a status, e.g. "pending (item modified)". */
export function displayStatus(order: Pick<Order, 'status' | 'items_modified'>): string {
  const text = order.status.replace(/_/g, ' ');
  return order.status === 'pending' && order.items_modified ? 'pending (item modified)' : text;
}

export function findMethod(customer: Customer, methodId: string, field = 'payment_method_id'): PaymentMethod {
  const method = customer.payment_methods.find((candidate) => candidate.id === methodId);
  if (!method) {
    throw new ShopkeeperError('invalid_input', `Payment method ${methodId} is not one of this customer's saved payment methods.`, {
      field, fix: 'Use the id of one of the payment methods get_customer lists.',
    });
  }
  return method;
}

/**
 * Payment entries written by a checkout (ACP or the checkout tools) name the channel, not a saved
 * method: the charge id is the provider's, so refunds of it still go through the provider.
 */
// Written by flows/complete-checkout.ts (writeOrder).
export const CHECKOUT_METHOD_PREFIX = 'acp:';

export function isCheckoutMethod(methodId: string): boolean {
  return methodId.startsWith(CHECKOUT_METHOD_PREFIX);
}

/** Gift cards and store credit are balances we hold; cards and PayPal go through the provider. */
export function isBalanceMethod(method: Pick<PaymentMethod, 'type'>): boolean {
  return method.type === 'gift_card' || method.type === 'store_credit';
}

export function describeMethod(method: PaymentMethod): string {
  switch (method.type) {
    case 'card': return `${method.brand ?? 'card'} ending ${method.last4 ?? '????'}`;
    case 'paypal': return 'PayPal';
    case 'gift_card': return `gift card${method.last4 ? ` ending ${method.last4}` : ''}`;
    case 'store_credit': return 'store credit';
  }
}

/** Net amount still paid per method: charges minus refunds, never negative. */
export function netPaidByMethod(order: Order): Map<string, number> {
  const net = new Map<string, number>();
  for (const entry of order.payments) {
    net.set(entry.method_id, (net.get(entry.method_id) ?? 0) + (entry.kind === 'charge' ? entry.amount : -entry.amount));
  }
  for (const [method, amount] of net) if (amount < 0) net.set(method, 0);
  return net;
}

/** The method the order was first paid with: the "original payment method" of the refund rules. */
export function originalMethodId(order: Order): string | null {
  return order.payments.find((entry) => entry.kind === 'charge')?.method_id ?? null;
}

/** When the order was delivered: the latest fulfilment delivery, else its last update. */
export function deliveredAt(order: Order): Date {
  const dates = order.fulfillments.map((fulfillment) => fulfillment.delivered_at).filter((date): date is string => Boolean(date));
  return new Date(dates.sort().at(-1) ?? order.updated_at);
}

export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / 86_400_000);
}

/**
 * The method that settles a variant swap and the difference it settles: each replaced unit costs
 * its new variant's price minus what was paid for it. A gift card or store credit must cover a
 * positive difference in full.
 */
export function payDifference(customer: Customer, methodId: string, swaps: ReadonlyArray<{ unit: { line: { unit_price: number } }; variant: { price: number } }>, currency: string): { method: PaymentMethod; difference: number } {
  const method = findMethod(customer, methodId);
  const difference = swaps.reduce((sum, { unit, variant }) => sum + variant.price - unit.line.unit_price, 0);
  if (isBalanceMethod(method) && (method.balance ?? 0) < difference) {
    throw refuse('payments.balance_covers_amount', 'gift-cards-and-store-credit',
      `The ${describeMethod(method)} has ${formatMoney(method.balance ?? 0, currency)}, less than the ${formatMoney(difference, currency)} difference`,
      'Choose a method that covers the difference.', 'payment_method_id');
  }
  return { method, difference };
}

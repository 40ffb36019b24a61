import { formatMoney } from '../../platform/index.ts';
import type { Address } from '../types.ts';
import { describeMethod, displayStatus, findMethod, isBalanceMethod, refuse } from './rules.ts';
import type { Planner } from './types.ts';

export type ShippingAddress = Omit<Address, 'id' | 'default'>;

function requirePending(order: Parameters<Planner<unknown>>[0], statuses: readonly string[], article: string, what: string, rule: string): void {
  // Address and payment changes accept "pending (item modified)" too: only the status counts here.
  if (!statuses.includes(order.status)) {
    throw refuse(rule, article, `The ${what} of order ${order.number} can't be changed because it is ${displayStatus(order)}`,
      'Only pending orders can be changed; once processing, the order ships as placed.', 'order_number');
  }
}

/** Replace the shipping address of a pending order (same country when the policy says so). */
export const planModifyAddress: Planner<{ address: ShippingAddress }> = (order, { address }, { policy }) => {
  const article = policy.modification.article;
  requirePending(order, policy.modification.address_statuses, article, 'shipping address', 'modification.address_statuses');
  if (policy.modification.address_same_country && address.country.toUpperCase() !== order.shipping_address.country.toUpperCase()) {
    throw refuse('modification.address_same_country', 'change-shipping-address', `The new address is in ${address.country}, but order ${order.number} ships to ${order.shipping_address.country}`,
      'Keep the same country, or cancel the pending order and place a new one.', 'address.country');
  }
  const next = { ...address, country: address.country.toUpperCase() };
  return {
    action: 'modify_address', order_number: order.number, customer_id: order.customer_id, rule: 'modification.address_statuses', article,
    summary: `Ship order ${order.number} to ${[next.name, next.line1, next.line2, next.city, next.region, next.postal_code, next.country].filter(Boolean).join(', ')}.`,
    amounts: {}, currency: order.currency, change: { shipping_address: next, payments: [], balances: [] },
  };
};

/**
 * Pay a pending order with another saved method: a charge to the new method and a refund to the
 * old one, for the single payment the order has. A gift card must cover the whole amount.
 */
export const planModifyPayment: Planner<{ payment_method_id: string }> = (order, input, { policy, customer }) => {
  const article = policy.modification.article;
  requirePending(order, policy.modification.address_statuses, article, 'payment method', 'modification.address_statuses');
  const method = findMethod(customer, input.payment_method_id);
  const [only, ...others] = order.payments;
  if (!only || others.length > 0 || only.kind !== 'charge') {
    throw refuse('modification.single_payment', article, `Order ${order.number} has ${order.payments.length} payment entries; the payment method can only be changed while it has exactly one payment`,
      'Ask a support agent (escalate_to_human) to rearrange the payments.', 'order_number');
  }
  if (only.method_id === method.id) {
    throw refuse('modification.different_method', article, `Order ${order.number} is already paid with ${describeMethod(method)}`, 'Choose a different payment method.', 'payment_method_id');
  }
  if (isBalanceMethod(method) && (method.balance ?? 0) < only.amount) {
    throw refuse('payments.balance_covers_amount', 'gift-cards-and-store-credit',
      `The ${describeMethod(method)} has ${formatMoney(method.balance ?? 0, order.currency)}, less than the ${formatMoney(only.amount, order.currency)} to pay`,
      'Choose a method that covers the full amount.', 'payment_method_id');
  }
  const old = customer.payment_methods.find((candidate) => candidate.id === only.method_id);
  const balances = [
    ...(isBalanceMethod(method) ? [{ method_id: method.id, delta: -only.amount }] : []),
    ...(old && isBalanceMethod(old) ? [{ method_id: old.id, delta: only.amount }] : []),
  ];
  return {
    action: 'modify_payment', order_number: order.number, customer_id: order.customer_id, rule: 'modification.address_statuses', article,
    summary: `Charge ${formatMoney(only.amount, order.currency)} to ${describeMethod(method)} and refund ${old ? describeMethod(old) : only.method_id} for order ${order.number}.`,
    amounts: { charge: only.amount, refund: only.amount }, currency: order.currency,
    change: {
      payments: [
        { kind: 'charge', method_id: method.id, amount: only.amount, note: 'payment method changed' },
        { kind: 'refund', method_id: only.method_id, amount: only.amount, note: 'payment method changed', refund_of: only.id },
      ],
      balances,
    },
  };
};

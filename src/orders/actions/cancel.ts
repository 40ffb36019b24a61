import { formatMoney } from '../../platform/index.ts';
import type { PaymentMethod } from '../types.ts';
import { describeMethod, displayStatus, isBalanceMethod, isCheckoutMethod, refuse } from './rules.ts';
import type { PaymentDraft, Planner } from './types.ts';

/** "no longer needed", "No-longer-needed" and "no_longer_needed" all name the same reason. */
export function normalizeReason(reason: string): string {
  return reason.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/**
 * Cancel a pending order that has not had its items modified: every payment goes back to its
 * source, one refund entry per original charge (net of anything already refunded to that method);
 * gift card and store credit refunds are credited at once.
 */
export const planCancel: Planner<{ reason: string }> = (order, input, { policy, customer }) => {
  const article = policy.cancellation.article;
  const reason = normalizeReason(input.reason);
  if (!policy.cancellation.reasons.includes(reason)) {
    throw refuse('cancellation.reasons', article, `"${input.reason}" is not a cancellation reason we accept`,
      `Use one of: ${policy.cancellation.reasons.map((item) => item.replace(/_/g, ' ')).join(', ')}.`, 'reason');
  }
  if (!(policy.cancellation.allowed_statuses as string[]).includes(order.status) || order.items_modified) {
    const why = order.items_modified ? 'its items were already modified' : `it is ${displayStatus(order)}`;
    throw refuse('cancellation.allowed_statuses', article, `Order ${order.number} can't be cancelled because ${why}`,
      order.status === 'delivered' ? 'Return the items instead (return_items).' : 'Only pending orders whose items were not modified can be cancelled.', 'order_number');
  }
  const remaining = new Map<string, number>();
  for (const entry of order.payments) remaining.set(entry.method_id, (remaining.get(entry.method_id) ?? 0) + (entry.kind === 'charge' ? entry.amount : -entry.amount));
  const payments: PaymentDraft[] = [];
  const balances: Array<{ method_id: string; delta: number }> = [];
  for (const charge of order.payments.filter((entry) => entry.kind === 'charge')) {
    const amount = Math.min(charge.amount, Math.max(0, remaining.get(charge.method_id) ?? 0));
    if (amount === 0) continue;
    remaining.set(charge.method_id, remaining.get(charge.method_id)! - amount);
    payments.push({ kind: 'refund', method_id: charge.method_id, amount, note: `cancellation: ${reason}`, refund_of: charge.id });
    const method = customer.payment_methods.find((candidate) => candidate.id === charge.method_id);
    if (method && isBalanceMethod(method)) balances.push({ method_id: method.id, delta: amount });
  }
  const refundTotal = payments.reduce((sum, entry) => sum + entry.amount, 0);
  const where = payments.map((entry) => {
    const method = customer.payment_methods.find((candidate) => candidate.id === entry.method_id);
    return `${formatMoney(entry.amount, order.currency)} to ${method ? describeLabel(method) : unsavedLabel(entry.method_id)}`;
  });
  return {
    action: 'cancel', order_number: order.number, customer_id: order.customer_id, rule: 'cancellation.allowed_statuses', article,
    summary: `Cancel order ${order.number} (${reason.replace(/_/g, ' ')}) and refund ${where.length ? where.join(' and ') : 'nothing (no payments recorded)'}.`,
    amounts: { refund_total: refundTotal }, currency: order.currency,
    change: { status: 'cancelled', cancel_reason: reason, payments, balances },
  };
};

function describeLabel(method: PaymentMethod): string {
  return `${describeMethod(method)} (${isBalanceMethod(method) ? 'credited immediately' : '5-7 business days'})`;
}

/** A payment without a saved method: never show its internal id to the shopper. */
function unsavedLabel(methodId: string): string {
  return isCheckoutMethod(methodId) ? 'the card used at checkout (5-7 business days)' : 'the original payment method';
}

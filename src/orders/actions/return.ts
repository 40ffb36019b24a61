import { formatMoney } from '../../platform/index.ts';
import { requireDelivered, refuseFinalSale, windowHold } from './delivered.ts';
import { describeMethod, findMethod, isBalanceMethod, originalMethodId, refuse } from './rules.ts';
import type { Planner } from './types.ts';
import { pickUnits } from './units.ts';

export interface ReturnInput {
  item_ids: string[];
  payment_method_id: string;
  /** The shopper asks for a person to review a request the window no longer covers. */
  contest?: boolean;
}

/**
 * Return delivered items: refund to the original payment method, or to a gift card / store credit
 * (when the policy offers store credit). The refund is what the items cost after the order
 * discount plus their share of tax, less the label fee (waived for store credit when the policy says so);
 * it is issued when the parcel arrives. Above the approval threshold the request is held for a person.
 */
export const planReturn: Planner<ReturnInput> = (order, input, context) => {
  const { policy, customer, now } = context;
  const article = policy.returns.article;
  requireDelivered(order, article, 'returns');
  const units = pickUnits(order, input.item_ids);
  refuseFinalSale(units, policy, 'returns');
  const method = findMethod(customer, input.payment_method_id);
  const original = originalMethodId(order);
  const toStoreCredit = isBalanceMethod(method) && method.id !== original;
  const allowed = toStoreCredit ? policy.returns.refund_destinations.includes('store_credit')
    : method.id === original && policy.returns.refund_destinations.includes('original_payment');
  if (!allowed) {
    throw refuse('returns.refund_destinations', article, `A return refund can go to ${policy.returns.refund_destinations.map((item) => item.replace('_', ' ')).join(' or ')}, not to ${describeMethod(method)}`,
      'Refund to the original payment method or to a gift card / store credit.', 'payment_method_id');
  }
  const hold = windowHold(order, context, 'returns', input.contest === true);
  const itemsValue = units.reduce((sum, unit) => sum + unit.line.unit_price, 0);
  const share = (amount: number) => (order.subtotal > 0 ? Math.round((amount * itemsValue) / order.subtotal) : 0);
  const labelFee = isBalanceMethod(method) && policy.returns.free_label_for_store_credit ? 0 : policy.returns.return_label_fee;
  const refund = Math.max(0, itemsValue - share(order.discount) + share(order.tax) - labelFee);
  const threshold = policy.approval.refund_over;
  const approvalHold = !context.approved && refund > threshold
    ? { reason: 'refund_over_threshold' as const, rule: 'approval.refund_over', article: policy.approval.article, message: `Refunds over ${formatMoney(threshold, order.currency)} are approved by a support agent first.` }
    : undefined;
  const items = units.map((unit) => unit.item_id).sort();
  const rma = `RMA-${order.number}`;
  return {
    action: 'return', order_number: order.number, customer_id: order.customer_id, rule: 'returns.window_days', article,
    summary: `Return ${units.map((unit) => `${unit.line.title} ${unit.line.variant_title}`.trim()).join(', ')} from order ${order.number}; refund ${formatMoney(refund, order.currency)} to ${describeMethod(method)}`
      + `${labelFee ? ` (after the ${formatMoney(labelFee, order.currency)} return label fee)` : ''} once the parcel arrives.`,
    amounts: { items: itemsValue, refund, label_fee: labelFee }, currency: order.currency,
    hold: hold ?? approvalHold,
    change: {
      status: 'return_requested', payments: [], balances: [],
      request: {
        kind: 'return', rma, items, new_items: [], payment_method_id: method.id, price_difference: 0, refund_amount: refund, label_fee: labelFee,
        created_at: now.toISOString(),
        instructions: `We emailed ${customer.email} a prepaid return label for ${rma}. Pack the items unused with their tags, write ${rma} on the parcel and drop it off with the carrier on the label.`,
      },
    },
  };
};


import { formatMoney } from '../../platform/index.ts';
import { requireDelivered, refuseFinalSale, windowHold } from './delivered.ts';
import { describeMethod, payDifference, refuse } from './rules.ts';
import type { Planner } from './types.ts';
import { checkReplacement, pickUnits } from './units.ts';

export interface ExchangeInput {
  item_ids: string[];
  new_item_ids: string[];
  payment_method_id: string;
  contest?: boolean;
}

/**
 * Exchange delivered items for other variants of the same product, once per order. The price
 * difference (new minus paid, per item) is recorded and settled with the chosen method when the
 * exchange is processed; no new order is placed. A gift card must cover a positive difference.
 */
export const planExchange: Planner<ExchangeInput> = (order, input, context) => {
  const { policy, customer, variants, now } = context;
  const article = policy.exchanges.article;
  requireDelivered(order, article, 'exchanges');
  if (input.item_ids.length !== input.new_item_ids.length) {
    throw refuse('exchanges.same_count', article, `${input.item_ids.length} items to exchange but ${input.new_item_ids.length} new items`, 'Give one new item per item, in the same order.', 'new_item_ids');
  }
  const units = pickUnits(order, input.item_ids);
  refuseFinalSale(units, policy, 'exchanges');
  const swaps = units.map((unit, index) => ({
    unit, variant: checkReplacement(unit, input.new_item_ids[index]!, variants, { article, sameProductRule: 'exchanges.same_product_only', field: `new_item_ids.${index}`, sameProductOnly: policy.exchanges.same_product_only }),
  }));
  const { method, difference } = payDifference(customer, input.payment_method_id, swaps, order.currency);
  const hold = windowHold(order, context, 'exchanges', input.contest === true);
  const rma = `RMA-${order.number}`;
  const money = formatMoney(Math.abs(difference), order.currency);
  return {
    action: 'exchange', order_number: order.number, customer_id: order.customer_id, rule: 'exchanges.same_product_only', article,
    summary: `Exchange ${swaps.map(({ unit, variant }) => `${unit.line.title} ${unit.line.variant_title || unit.line.sku} for ${variant.variant_title || variant.sku}`).join('; ')} from order ${order.number}; `
      + `${difference > 0 ? `${money} will be charged to` : difference < 0 ? `${money} will be refunded to` : 'no price difference for'} ${describeMethod(method)}. Each order can be exchanged once.`,
    amounts: { price_difference: difference }, currency: order.currency, hold,
    change: {
      status: 'exchange_requested', payments: [], balances: [],
      request: {
        kind: 'exchange', rma, items: units.map((unit) => unit.item_id).sort(), new_items: swaps.map(({ variant }) => variant.sku).sort(),
        payment_method_id: method.id, price_difference: difference, refund_amount: 0, label_fee: 0, created_at: now.toISOString(),
        instructions: `We emailed ${customer.email} a free prepaid label for ${rma}. The replacement ships as soon as the carrier scans your parcel.`,
      },
    },
  };
};

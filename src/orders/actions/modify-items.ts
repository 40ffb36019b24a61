import { formatMoney, ShopkeeperError } from '../../platform/index.ts';
import { describeMethod, displayStatus, isBalanceMethod, payDifference, refuse } from './rules.ts';
import type { Planner } from './types.ts';
import { checkReplacement, pickUnits, replaceUnits } from './units.ts';

export interface ItemSwapInput {
  item_ids: string[];
  new_item_ids: string[];
  payment_method_id: string;
}

/**
 * Swap variants of a pending order, once per order. Each replaced unit takes its own new variant's
 * price and options; the total difference is charged (positive) or refunded (negative) to the
 * chosen method, and a gift card must cover a charge.
 */
export const planModifyItems: Planner<ItemSwapInput> = (order, input, { policy, customer, variants }) => {
  const article = policy.modification.article;
  if (order.items_modified) {
    throw refuse('modification.items_once', article, `The items of order ${order.number} were already modified once; they can be modified only once per order`,
      'Ask a support agent (escalate_to_human) for further changes.', 'order_number');
  }
  if (!(policy.modification.items_statuses as string[]).includes(order.status)) {
    throw refuse('modification.items_statuses', article, `The items of order ${order.number} can't be changed because it is ${displayStatus(order)}`,
      order.status === 'delivered' ? 'Exchange the items instead (exchange_items).' : 'Only pending orders can be changed.', 'order_number');
  }
  if (input.item_ids.length !== input.new_item_ids.length) {
    throw refuseInput('new_item_ids', `${input.item_ids.length} items to replace but ${input.new_item_ids.length} new items`);
  }
  const units = pickUnits(order, input.item_ids);
  const swaps = units.map((unit, index) => ({
    unit, variant: checkReplacement(unit, input.new_item_ids[index]!, variants, { article, sameProductRule: 'modification.same_product', field: `new_item_ids.${index}` }),
  }));
  const { method, difference } = payDifference(customer, input.payment_method_id, swaps, order.currency);
  const money = formatMoney(Math.abs(difference), order.currency);
  return {
    action: 'modify_items', order_number: order.number, customer_id: order.customer_id, rule: 'modification.items_statuses', article,
    summary: `Replace ${swaps.map(({ unit, variant }) => `${unit.line.title} ${unit.line.variant_title || unit.line.sku} with ${variant.variant_title || variant.sku}`).join('; ')} in order ${order.number}; `
      + `${difference > 0 ? `charge ${money} to` : difference < 0 ? `refund ${money} to` : 'no price difference for'} ${describeMethod(method)}. Items can be modified only once per order.`,
    amounts: { price_difference: difference }, currency: order.currency,
    change: {
      items_modified: true,
      line_items: replaceUnits(order, swaps),
      subtotal: order.subtotal + difference,
      total: order.total + difference,
      // Like the reference domain, even a zero difference leaves a (zero) refund entry, so every
      // modification is visible in the payment history.
      payments: [{ kind: difference > 0 ? 'charge' : 'refund', method_id: method.id, amount: Math.abs(difference), note: 'item modification' }],
      balances: isBalanceMethod(method) && difference !== 0 ? [{ method_id: method.id, delta: -difference }] : [],
    },
  };
};

function refuseInput(field: string, message: string): ShopkeeperError {
  return new ShopkeeperError('invalid_input', message, { field, fix: 'Give one new item per item to replace, in the same order.' });
}

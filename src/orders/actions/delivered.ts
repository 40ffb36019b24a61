import { regionOf, type Policy } from '../../config/index.ts';
import type { Order } from '../types.ts';
import { daysBetween, deliveredAt, displayStatus, refuse } from './rules.ts';
import type { ActionPlan, PlanContext } from './types.ts';
import type { PickedUnit } from './units.ts';

/** Returns and exchanges need a delivered order, and each order gets one return or exchange. */
export function requireDelivered(order: Order, article: string, section: 'returns' | 'exchanges'): void {
  if (order.status === 'return_requested' || order.status === 'exchange_requested') {
    throw refuse(`${section}.one_request_per_order`, article, `Order ${order.number} already has a ${order.status === 'return_requested' ? 'return' : 'exchange'} request; each order can have one return or exchange`,
      'Gather every item in one request; for anything more, escalate_to_human.', 'order_number');
  }
  if (order.status !== 'delivered') {
    throw refuse(`${section}.status`, article, `Order ${order.number} is ${displayStatus(order)}; only delivered orders can be ${section === 'returns' ? 'returned' : 'exchanged'}`,
      order.status === 'pending' ? 'A pending order can be cancelled or modified instead.' : 'Wait until the order is delivered.', 'order_number');
  }
}

/** Final-sale items (tagged when bought) can't be returned or exchanged. */
export function refuseFinalSale(units: readonly PickedUnit[], policy: Policy, section: 'returns' | 'exchanges'): void {
  const tags = new Set(policy.returns.final_sale_tags.map((tag) => tag.toLowerCase()));
  const finalSale = units.find((unit) => unit.line.tags.some((tag) => tags.has(tag.toLowerCase())));
  if (finalSale) {
    throw refuse('returns.final_sale_tags', policy.returns.final_sale_article ?? policy.returns.article,
      `${finalSale.line.title} was bought as final sale and can't be ${section === 'returns' ? 'returned' : 'exchanged'}`,
      'Leave final-sale items out of the request.', 'item_ids');
  }
}

/**
 * The window counted from delivery for the order's region. Outside it, a policy of `hold` lets the
 * shopper contest (a person reviews it); without `contest`, or with `refuse`, it is a refusal.
 */
export function windowHold(order: Order, context: PlanContext, section: 'returns' | 'exchanges', contest: boolean): ActionPlan['hold'] {
  const { policy, now } = context;
  const region = regionOf(policy, order.shipping_address.country);
  const days = policy[section].window_days[region] ?? 0;
  const elapsed = daysBetween(deliveredAt(order), now);
  if (elapsed <= days) return undefined;
  const article = policy[section].article;
  const message = `Order ${order.number} was delivered ${elapsed} days ago; the ${section === 'returns' ? 'return' : 'exchange'} window for ${region} is ${days} days`;
  if (context.approved) return undefined;
  if (policy.returns.outside_window === 'hold' && contest) {
    return { reason: 'outside_window', rule: `${section}.window_days.${region}`, article, message: `${message}; a support agent will review the request.` };
  }
  throw refuse(`${section}.window_days.${region}`, article, message,
    policy.returns.outside_window === 'hold' ? 'If the shopper wants to contest this, call again with contest: true and a support agent will review it.' : 'The window has closed.', 'order_number');
}

import { z } from 'zod';
import { MAX_LINE_QUANTITY, MAX_SESSION_LINES, type CheckoutSession } from '../checkout/index.ts';
import type { Services } from '../flows/index.ts';

/** The checkout session as tools show it: the same core the ACP surface renders, minus wire details. */
export const checkoutView = z.object({
  id: z.string(),
  status: z.string(),
  currency: z.string(),
  line_items: z.array(z.object({ id: z.string(), item_id: z.string(), title: z.string(), quantity: z.number().int(), unit_amount: z.number().int(), total: z.number().int(), availability: z.string() })),
  fulfillment_options: z.array(z.object({ id: z.string(), type: z.string(), title: z.string(), amount: z.number().int(), earliest_delivery_time: z.string(), latest_delivery_time: z.string() })),
  selected_fulfillment_option_id: z.string().nullable(),
  discount_codes: z.array(z.string()),
  totals: z.object({ items_base_amount: z.number().int(), items_discount: z.number().int(), subtotal: z.number().int(), fulfillment: z.number().int(), tax: z.number().int(), total: z.number().int() }),
  messages: z.array(z.object({ type: z.string(), code: z.string().optional(), param: z.string().optional(), content: z.string() })),
  continue_url: z.string(),
  order: z.object({ id: z.string(), number: z.string(), permalink_url: z.string() }).nullable(),
  expires_at: z.string(),
});

export function viewCheckout(services: Services, session: CheckoutSession): z.output<typeof checkoutView> {
  const base = services.baseUrl();
  return {
    id: session.id, status: session.status, currency: session.currency,
    line_items: session.line_items.map((line) => ({ id: line.id, item_id: line.item.id, title: line.item.title, quantity: line.quantity, unit_amount: line.item.unit_amount, total: line.total, availability: line.availability })),
    fulfillment_options: session.fulfillment_options.map(({ id, type, title, amount, earliest_delivery_time, latest_delivery_time }) => ({ id, type, title, amount, earliest_delivery_time, latest_delivery_time })),
    selected_fulfillment_option_id: session.selected_option_id, discount_codes: session.discount_codes, totals: session.totals,
    messages: session.messages.map((message) => ({ type: message.type, content: message.content, ...(message.code ? { code: message.code } : {}), ...(message.param ? { param: message.param } : {}) })),
    continue_url: `${base}/checkout/${encodeURIComponent(session.id)}`,
    order: session.order ? { id: session.order.id, number: session.order.number, permalink_url: session.order.permalink_url } : null,
    expires_at: session.expires_at,
  };
}

export const addressInput = z.object({
  name: z.string().min(1), line_one: z.string().min(1), line_two: z.string().optional(), city: z.string().min(1),
  state: z.string().describe('State or province code, e.g. VT or QC'), country: z.string().regex(/^[A-Za-z]{2}$/).describe('2-letter country code'), postal_code: z.string(),
});

export const itemsInput = z.array(z.object({ id: z.string().min(1).describe('Variant id or SKU from search_products'), quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY).default(1) })).min(1).max(MAX_SESSION_LINES);

export function summarizeCheckout(view: z.output<typeof checkoutView>): string {
  const problems = view.messages.filter((message) => message.type === 'error').map((message) => message.content);
  return `Checkout ${view.id} is ${view.status.replace(/_/g, ' ')}: total ${view.totals.total} ${view.currency.toUpperCase()} (minor units).${problems.length ? ` Problems: ${problems.join(' ')}` : ''}${view.order ? ` Order ${view.order.number}.` : ''}`;
}

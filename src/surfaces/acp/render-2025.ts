import type { CheckoutSession, Message } from '../../checkout/index.ts';
import { DISPLAY, isUri, type RenderContext } from './render-context.ts';

const ERROR_CODES_2025 = new Set(['missing', 'invalid', 'out_of_stock', 'payment_declined', 'requires_sign_in', 'requires_3ds']);
const STATUS_2025: Record<CheckoutSession['status'], string> = {
  not_ready_for_payment: 'not_ready_for_payment', ready_for_payment: 'ready_for_payment', authentication_required: 'not_ready_for_payment',
  complete_in_progress: 'in_progress', completed: 'completed', canceled: 'canceled', expired: 'canceled',
};

/** 2025-09-29 knows info and error only, with six error codes: the rest are folded into the closest one. */
function message(entry: Message): Record<string, unknown> {
  const param = entry.param ? { param: entry.param.replace('$.line_items', '$.items') } : {};
  if (entry.type !== 'error') return { type: 'info', ...param, content_type: 'plain', content: entry.content };
  const code = ERROR_CODES_2025.has(entry.code ?? '') ? entry.code : entry.code === 'quantity_exceeded' ? 'out_of_stock' : 'invalid';
  return { type: 'error', code, ...param, content_type: 'plain', content: entry.content };
}

/** The CheckoutSession of the first ACP version (flat line amounts, payment_provider, fulfillment_address). */
export function render2025(session: CheckoutSession, context: RenderContext): Record<string, unknown> {
  const { merchant } = context.services;
  const buyer = session.buyer;
  const links = Object.entries(merchant.profile.links)
    .map(([type, url]) => ({ type: type === 'return_policy' ? 'seller_shop_policies' : type, url }))
    .filter((link) => ['terms_of_use', 'privacy_policy', 'seller_shop_policies'].includes(link.type) && isUri(link.url));
  const totals = [
    { type: 'items_base_amount', display_text: DISPLAY.items_base_amount!, amount: session.totals.items_base_amount },
    { type: 'items_discount', display_text: DISPLAY.items_discount!, amount: session.totals.items_discount },
    { type: 'subtotal', display_text: DISPLAY.subtotal!, amount: session.totals.subtotal },
    ...(session.selected_option_id ? [{ type: 'fulfillment', display_text: DISPLAY.fulfillment!, amount: session.totals.fulfillment }] : []),
    { type: 'tax', display_text: DISPLAY.tax!, amount: session.totals.tax },
    { type: 'total', display_text: DISPLAY.total!, amount: session.totals.total },
  ];
  const body: Record<string, unknown> = {
    id: session.id,
    // The 2025 Buyer requires both names and the email; a buyer known only by email is left out.
    ...(buyer?.email && buyer.first_name && buyer.last_name ? { buyer: { first_name: buyer.first_name, last_name: buyer.last_name, email: buyer.email, ...(buyer.phone_number ? { phone_number: buyer.phone_number } : {}) } } : {}),
    payment_provider: { provider: 'stripe', supported_payment_methods: ['card'] },
    status: STATUS_2025[session.status],
    currency: session.currency,
    line_items: session.line_items.map((line) => ({
      id: line.id, item: { id: line.item.id, quantity: line.quantity },
      base_amount: line.base_amount, discount: line.discount, subtotal: line.subtotal, tax: line.tax, total: line.total,
    })),
    ...(session.address ? { fulfillment_address: { ...session.address } } : {}),
    fulfillment_options: session.fulfillment_options.filter((option) => option.type === 'shipping').map((option) => ({
      type: 'shipping', id: option.id, title: option.title, ...(option.description ? { subtitle: option.description } : {}),
      earliest_delivery_time: option.earliest_delivery_time, latest_delivery_time: option.latest_delivery_time,
      subtotal: option.amount, tax: option.tax, total: option.amount + option.tax,
    })),
    ...(session.selected_option_id ? { fulfillment_option_id: session.selected_option_id } : {}),
    totals,
    messages: session.messages.map(message),
    links,
  };
  if (session.order) body.order = { id: session.order.id, checkout_session_id: session.id, permalink_url: session.order.permalink_url };
  return body;
}

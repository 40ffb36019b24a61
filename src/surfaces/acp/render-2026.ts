import type { CheckoutSession, Message } from '../../checkout/index.ts';
import { renderOrder } from './render-order.ts';
import { DISPLAY, isUri, type RenderContext } from './render-context.ts';

const LINK_TYPES = new Set(['terms_of_use', 'privacy_policy', 'return_policy', 'shipping_policy', 'contact_us', 'about_us', 'faq', 'support']);
const SELLER_INTERVENTIONS = ['3ds'];

function message(entry: Message): Record<string, unknown> {
  const base = { ...(entry.param ? { param: entry.param } : {}), content_type: 'plain', content: entry.content };
  if (entry.type === 'info') return { type: 'info', ...base };
  const resolution = entry.code === 'payment_declined' || entry.code === 'out_of_stock' ? 'requires_buyer_input' : 'recoverable';
  return { type: entry.type, code: entry.code, severity: entry.type === 'error' ? 'high' : 'low', resolution, ...base };
}

function total(type: string, amount: number): Record<string, unknown> {
  return { type, display_text: DISPLAY[type] ?? type, amount };
}

/** The payment handler agents pay through: a Stripe Shared Payment Token for a card. */
export function cardHandler(context: RenderContext): Record<string, unknown> {
  const live = context.services.config.stripeSecretKey?.includes('_live_') ?? false;
  return {
    id: 'card_spt', name: 'dev.acp.tokenized.card', display_name: 'Card', version: '2026-04-17',
    spec: 'https://agenticcommerce.dev/handlers/tokenized-card', requires_delegate_payment: true, requires_pci_compliance: false, psp: 'stripe',
    config_schema: 'https://agenticcommerce.dev/schemas/handlers/tokenized-card/config.json',
    instrument_schemas: ['https://agenticcommerce.dev/schemas/handlers/tokenized-card/instrument.json'],
    config: { merchant_id: context.services.config.acpMerchantId, psp: 'stripe', accepted_brands: ['visa', 'mastercard', 'amex', 'discover'], accepted_funding_types: ['credit', 'debit'], supports_3ds: true, environment: live ? 'production' : 'sandbox' },
    display_order: 1,
  };
}

/** The CheckoutSession of ACP 2026-04-17 (capabilities, totals arrays, discount extension, Order). */
export function render2026(session: CheckoutSession, context: RenderContext): Record<string, unknown> {
  const { profile } = context.services.merchant;
  const links = Object.entries(profile.links).filter(([type, url]) => LINK_TYPES.has(type) && isUri(url)).map(([type, url]) => ({ type, url }));
  const selected = session.fulfillment_options.find((option) => option.id === session.selected_option_id);
  const t = session.totals;
  const body: Record<string, unknown> = {
    id: session.id,
    protocol: { version: '2026-04-17' },
    capabilities: {
      payment: { handlers: [cardHandler(context)] },
      interventions: { supported: SELLER_INTERVENTIONS.filter((kind) => session.interventions.includes(kind)), required: [], enforcement: 'conditional' },
      extensions: [{ name: 'discount', extends: ['$.CheckoutSessionCreateRequest.discounts', '$.CheckoutSessionUpdateRequest.discounts', '$.CheckoutSession.discounts'] }],
    },
    ...(session.buyer?.email ? { buyer: { ...session.buyer, email: session.buyer.email } } : {}),
    status: session.status,
    currency: session.currency,
    ...(session.locale ? { locale: session.locale } : {}),
    line_items: session.line_items.map((line) => ({
      id: line.id, item: { id: line.item.id, name: line.item.title, unit_amount: line.item.unit_amount }, quantity: line.quantity,
      name: line.item.title, unit_amount: line.item.unit_amount, ...(isUri(line.item.image) ? { images: [line.item.image] } : {}),
      product_id: line.item.product_id, sku: line.item.sku, variant_id: line.item.variant_id, availability_status: line.availability,
      ...(line.item.available !== null ? { available_quantity: line.item.available } : {}),
      totals: [total('items_base_amount', line.base_amount), total('items_discount', line.discount), total('subtotal', line.subtotal), total('tax', line.tax), total('total', line.total)],
    })),
    ...(session.contact || session.address ? { fulfillment_details: { ...session.contact, ...(session.address ? { address: session.address } : {}) } } : {}),
    fulfillment_options: session.fulfillment_options.map((option) => ({
      type: option.type, id: option.id, title: option.title, ...(option.description ? { description: option.description } : {}),
      ...(option.type === 'shipping'
        ? { earliest_delivery_time: option.earliest_delivery_time, latest_delivery_time: option.latest_delivery_time }
        : { location: option.pickup_location, pickup_type: 'in_store', ready_by: option.latest_delivery_time }),
      totals: [total('fulfillment', option.amount), total('tax', option.tax), total('total', option.amount + option.tax)],
    })),
    ...(selected ? { selected_fulfillment_options: [{ type: selected.type, option_id: selected.id, item_ids: session.line_items.map((line) => line.id) }] } : {}),
    totals: [total('items_base_amount', t.items_base_amount), total('items_discount', t.items_discount), total('subtotal', t.subtotal),
      ...(selected ? [total('fulfillment', t.fulfillment)] : []), total('tax', t.tax), total('total', t.total)],
    messages: session.messages.map(message),
    links,
    ...(session.status === 'authentication_required' ? { authentication_metadata: authenticationMetadata(context) } : {}),
    created_at: session.created_at, updated_at: session.updated_at, expires_at: session.expires_at,
    continue_url: `${context.baseUrl}/checkout/${encodeURIComponent(session.id)}`,
    discounts: {
      codes: session.discount_codes,
      applied: session.applied_discounts.map((discount) => ({
        id: `dsc_${discount.code.toLowerCase()}`, code: discount.code,
        coupon: { id: discount.code.toLowerCase(), name: discount.description ?? discount.code, ...(discount.kind === 'percent' ? { percent_off: discount.value } : { amount_off: discount.value, currency: session.currency }) },
        amount: discount.amount, method: 'across',
        allocations: discount.allocations.map((amount, index) => ({ path: `$.line_items[${index}]`, amount })).filter((allocation) => allocation.amount > 0),
      })),
      rejected: session.rejected_discounts.map((rejected) => ({ code: rejected.code, reason: rejected.reason, message: rejected.message })),
    },
  };
  if (session.order) body.order = renderOrder(session, context);
  return body;
}

/**
 * Required with authentication_required. The acquirer facts come from the PSP's 3DS answer in a
 * live integration; until the payments port carries them these are the merchant's own values.
 */
function authenticationMetadata(context: RenderContext): Record<string, unknown> {
  const { profile } = context.services.merchant;
  return {
    acquirer_details: { acquirer_bin: '000000', acquirer_country: profile.shipping.zones[0]?.countries[0]?.replace('*', 'US') ?? 'US', acquirer_merchant_id: context.services.config.acpMerchantId.slice(0, 35), merchant_name: profile.name.slice(0, 40) },
    directory_server: 'visa', flow_preference: { type: 'challenge', challenge: { type: 'preferred' } },
  };
}

import type { CheckoutSession } from '../../checkout/index.ts';
import { DISPLAY, isUri, type RenderContext } from './render-context.ts';

/**
 * The full ACP Order (2026-04-17) for a completed session: what the complete response carries and
 * what order webhooks send (full state, never deltas). `status` is the live order's status.
 */
export function renderOrder(session: CheckoutSession, context: RenderContext, liveStatus?: string): Record<string, unknown> {
  const order = session.order!;
  const { profile } = context.services.merchant;
  const selected = session.fulfillment_options.find((option) => option.id === session.selected_option_id);
  const t = session.totals;
  return {
    type: 'order', id: order.id, checkout_session_id: session.id, order_number: order.number, permalink_url: order.permalink_url,
    status: liveStatus ?? 'confirmed',
    ...(selected ? { estimated_delivery: { earliest: selected.earliest_delivery_time, latest: selected.latest_delivery_time } } : {}),
    confirmation: { confirmation_number: order.number, ...(session.order_notes ? { order_notes: session.order_notes } : {}) },
    support: {
      email: profile.support.email, ...(profile.support.phone ? { phone: profile.support.phone } : {}), ...(profile.support.hours ? { hours: profile.support.hours } : {}),
      ...(isUri(profile.url) ? { help_center_url: profile.url } : {}),
    },
    line_items: session.line_items.map((line) => ({
      id: line.id, title: line.item.title, product_id: line.item.product_id, ...(isUri(line.item.image) ? { image_url: line.item.image } : {}),
      quantity: { ordered: line.quantity, current: line.quantity, fulfilled: 0 }, unit_price: line.item.unit_amount, subtotal: line.subtotal,
      totals: [{ type: 'subtotal', display_text: DISPLAY.subtotal, amount: line.subtotal }, { type: 'tax', display_text: DISPLAY.tax, amount: line.tax }, { type: 'total', display_text: DISPLAY.total, amount: line.total }],
      status: 'processing',
    })),
    fulfillments: [],
    adjustments: [],
    totals: [
      { type: 'subtotal', display_text: DISPLAY.subtotal, amount: t.subtotal }, { type: 'fulfillment', display_text: DISPLAY.fulfillment, amount: t.fulfillment },
      { type: 'tax', display_text: DISPLAY.tax, amount: t.tax }, { type: 'total', display_text: DISPLAY.total, amount: t.total },
    ],
  };
}

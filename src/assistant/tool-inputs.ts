/**
 * Builds the arguments of the tools other issues own. Like adapters.ts (outputs), this is the one
 * file to edit when a tool's input shape lands different from what the engine assumed.
 */
import type { OrderView } from './adapters.ts';

export const TOOL = {
  searchHelp: 'search_help', searchProducts: 'search_products', verify: 'verify_customer', getOrder: 'get_order', listOrders: 'list_orders',
  cancel: 'cancel_order', returnItems: 'return_items', exchange: 'exchange_items', escalate: 'escalate_to_human', createCheckout: 'create_checkout',
} as const;

export function verifyInput(slots: { email?: string; orderNumber?: string; firstName?: string; lastName?: string; postalCode?: string }): Record<string, unknown> | null {
  if (slots.email && slots.orderNumber) return { email: slots.email, order_number: slots.orderNumber };
  if (slots.firstName && slots.lastName && slots.postalCode) return { first_name: slots.firstName, last_name: slots.lastName, postal_code: slots.postalCode };
  return null;
}

export const getOrderInput = (token: string, orderNumber: string) => ({ customer_token: token, order_number: orderNumber });
export const listOrdersInput = (token: string) => ({ customer_token: token });

export const cancelInput = (token: string, orderNumber: string, reason: string) => ({ customer_token: token, order_number: orderNumber, reason: reason.replace(/_/g, ' ') });

/** One item id per unit (a line of two socks is named twice); the refund goes back where the money came from. */
export function returnInput(token: string, order: OrderView, itemIds: string[], contest = false): Record<string, unknown> {
  const units = order.items.filter((item) => itemIds.includes(item.id)).flatMap((item) => Array.from({ length: item.quantity }, () => item.id));
  return { customer_token: token, order_number: order.number, item_ids: units, ...(order.chargeMethod ? { payment_method_id: order.chargeMethod } : {}), ...(contest ? { contest: true } : {}) };
}

export function escalateInput(reason: string, summary: string, token: string | undefined, orderNumber: string | undefined): Record<string, unknown> {
  return { reason: reason.slice(0, 500), summary: summary.slice(0, 4000), ...(token ? { customer_token: token } : {}), ...(token && orderNumber ? { order_number: orderNumber } : {}) };
}

export const checkoutInput = (variantId: string, quantity = 1) => ({ items: [{ id: variantId, quantity }] });

/** A write call is the preview call plus `confirm: true` (every write tool previews by default). */
export const confirmed = (input: Record<string, unknown>) => ({ ...input, confirm: true });

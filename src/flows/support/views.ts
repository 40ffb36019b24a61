import { describeMethod, displayStatus, type Customer, type Order } from '../../orders/index.ts';

/**
 * What a verified shopper may see of an order. Built only from that customer's own records;
 * internal ids of other systems, settlement details and other customers never appear.
 */
export function orderView(order: Order, customer: Customer, finalSaleTags: readonly string[]) {
  const methods = new Map(customer.payment_methods.map((method) => [method.id, method]));
  const finalSale = new Set(finalSaleTags.map((tag) => tag.toLowerCase()));
  const request = order.request;
  return {
    order_number: order.number,
    status: displayStatus(order),
    status_code: order.status,
    items_modified: order.items_modified,
    created_at: order.created_at,
    updated_at: order.updated_at,
    shipping_address: order.shipping_address,
    items: order.line_items.map((line) => ({
      item_id: line.id, sku: line.sku, product_id: line.product_id, title: line.title, variant_title: line.variant_title, options: line.options,
      quantity: line.quantity, unit_price: line.unit_price, final_sale: line.tags.some((tag) => finalSale.has(tag.toLowerCase())),
    })),
    currency: order.currency,
    totals: { subtotal: order.subtotal, discount: order.discount, shipping: order.shipping.price, tax: order.tax, total: order.total },
    fulfillments: order.fulfillments.map((fulfillment) => ({
      carrier: fulfillment.carrier, tracking_number: fulfillment.tracking_number, tracking_url: fulfillment.tracking_url ?? null, status: fulfillment.status,
      shipped_at: fulfillment.shipped_at ?? null, estimated_delivery: fulfillment.estimated_delivery ?? null, delivered_at: fulfillment.delivered_at ?? null,
      items: fulfillment.line_items,
    })),
    payments: order.payments.map((entry) => {
      const method = methods.get(entry.method_id);
      return { kind: entry.kind, amount: entry.amount, payment_method_id: entry.method_id, method: method ? describeMethod(method) : 'payment method', created_at: entry.created_at, note: entry.note ?? null };
    }),
    refunded_total: order.payments.filter((entry) => entry.kind === 'refund').reduce((sum, entry) => sum + entry.amount, 0),
    cancel_reason: order.cancel_reason,
    return_request: request && {
      kind: request.kind, rma: request.rma, items: request.items, new_items: request.new_items, payment_method_id: request.payment_method_id,
      price_difference: request.price_difference, refund_amount: request.refund_amount, label_fee: request.label_fee, created_at: request.created_at, instructions: request.instructions,
    },
  };
}

export type OrderView = ReturnType<typeof orderView>;

export function customerView(customer: Customer, orderNumbers: string[]) {
  const defaultAddress = customer.addresses.find((address) => address.default) ?? customer.addresses[0] ?? null;
  return {
    customer_id: customer.id,
    first_name: customer.first_name,
    last_name: customer.last_name,
    email: customer.email,
    default_address: defaultAddress,
    payment_methods: customer.payment_methods.map((method) => ({
      id: method.id, type: method.type, description: describeMethod(method), ...(method.balance === undefined ? {} : { balance: method.balance }),
    })),
    orders: orderNumbers,
  };
}

import { z } from 'zod';
import { customerFromToken, orderView } from '../flows/index.ts';
import { notFound } from '../platform/index.ts';
import { customerToken, orderNumber, orderViewSchema } from './support-schemas.ts';
import { defineTool, READ_ONLY } from './tool.ts';

export const getOrderTool = defineTool({
  name: 'get_order',
  title: 'Order details',
  description: 'One order of the verified customer: status, items (with item ids for returns and changes), fulfilments with carrier, tracking number and URL, estimated delivery, payments and refunds, and any return or exchange request. Money is integer minor units.',
  input: z.object({ customer_token: customerToken, order_number: orderNumber }),
  output: orderViewSchema,
  annotations: READ_ONLY,
  async execute({ services }, input) {
    const customerId = customerFromToken(services, input.customer_token);
    const order = await services.orders.getOrder(input.order_number);
    const customer = await services.orders.getCustomer(customerId);
    // Someone else's order reads exactly like an order that does not exist.
    if (!order || !customer || order.customer_id !== customerId) throw notFound(`Order ${input.order_number} was not found for this customer`, { field: 'order_number', fix: 'Use an order number from list_orders.' });
    return orderView(order, customer, services.merchant.policy.returns.final_sale_tags);
  },
  summarize: (output) => `Order ${output.order_number} is ${output.status}${output.fulfillments[0] ? `; ${output.fulfillments[0].carrier} ${output.fulfillments[0].tracking_number}` : ''}.`,
});

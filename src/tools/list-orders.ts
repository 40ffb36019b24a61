import { z } from 'zod';
import { customerFromToken } from '../flows/index.ts';
import { displayStatus } from '../orders/index.ts';
import { customerToken } from './support-schemas.ts';
import { defineTool, READ_ONLY } from './tool.ts';

export const listOrdersTool = defineTool({
  name: 'list_orders',
  title: 'List the customer\'s orders',
  description: 'The verified customer\'s orders, newest first, with status, total and item count. Use get_order for the details of one.',
  input: z.object({ customer_token: customerToken, status: z.string().optional().describe('Only orders with this status code, e.g. pending or delivered') }),
  output: z.object({
    orders: z.array(z.object({ order_number: z.string(), status: z.string(), status_code: z.string(), created_at: z.string(), total: z.number().int(), currency: z.string(), items: z.number().int() })),
  }),
  annotations: READ_ONLY,
  async execute({ services }, input) {
    const customerId = customerFromToken(services, input.customer_token);
    const orders = (await services.orders.listOrders(customerId)).filter((order) => !input.status || order.status === input.status);
    return {
      orders: orders.map((order) => ({
        order_number: order.number, status: displayStatus(order), status_code: order.status, created_at: order.created_at, total: order.total,
        currency: order.currency, items: order.line_items.reduce((sum, line) => sum + line.quantity, 0),
      })),
    };
  },
  summarize: (output) => output.orders.length === 0 ? 'No orders.' : output.orders.map((order) => `${order.order_number} (${order.status})`).join(', '),
});

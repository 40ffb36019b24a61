import { z } from 'zod';
import { customerFromToken, customerView } from '../flows/index.ts';
import { notFound } from '../platform/index.ts';
import { customerToken } from './support-schemas.ts';
import { defineTool, READ_ONLY } from './tool.ts';

export const getCustomerTool = defineTool({
  name: 'get_customer',
  title: 'Customer profile',
  description: 'The verified customer\'s profile: name, email, default address, saved payment methods (gift card and store credit balances in minor units) and order numbers.',
  input: z.object({ customer_token: customerToken }),
  output: z.object({
    customer_id: z.string(), first_name: z.string(), last_name: z.string(), email: z.string(),
    default_address: z.record(z.string(), z.unknown()).nullable(),
    payment_methods: z.array(z.object({ id: z.string(), type: z.string(), description: z.string(), balance: z.number().int().optional() })),
    orders: z.array(z.string()),
  }),
  annotations: READ_ONLY,
  async execute({ services }, input) {
    const customerId = customerFromToken(services, input.customer_token);
    const customer = await services.orders.getCustomer(customerId);
    if (!customer) throw notFound('Customer not found', { field: 'customer_token', fix: 'Verify the customer again.' });
    const orders = await services.orders.listOrders(customerId);
    return customerView(customer, orders.map((order) => order.number));
  },
  summarize: (output) => `${output.first_name} ${output.last_name}: ${output.orders.length} orders, ${output.payment_methods.length} payment methods.`,
});

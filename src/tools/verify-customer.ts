import { z } from 'zod';
import { verifyCustomer } from '../flows/index.ts';
import { ShopkeeperError } from '../platform/index.ts';
import { defineTool } from './tool.ts';

export const verifyCustomerTool = defineTool({
  name: 'verify_customer',
  title: 'Verify the customer',
  description: 'Identify the shopper before anything about their account or orders is shown or changed. Give either email + order_number, or first_name + last_name + postal_code of an address on file. '
    + 'Returns a customer_token (valid 30 minutes) that every other order tool needs. A mismatch answers "not found" without saying which detail was wrong; repeated failures are rate limited.',
  input: z.object({
    email: z.string().max(254).optional().describe('The email used for the order'),
    order_number: z.string().max(40).optional().describe('Any order number of that customer, with email'),
    first_name: z.string().max(100).optional().describe('With last_name and postal_code'),
    last_name: z.string().max(100).optional(),
    postal_code: z.string().max(20).optional().describe('Postal (zip) code of an address on file'),
  }),
  output: z.object({ customer_token: z.string(), expires_at: z.string(), customer: z.object({ id: z.string(), first_name: z.string() }) }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  async execute(context, input) {
    if (input.email && input.order_number) return verifyCustomer(context.services, context, { email: input.email, order_number: input.order_number });
    if (input.first_name && input.last_name && input.postal_code) {
      return verifyCustomer(context.services, context, { first_name: input.first_name, last_name: input.last_name, postal_code: input.postal_code });
    }
    throw new ShopkeeperError('invalid_input', 'Give email and order_number, or first_name, last_name and postal_code', { field: 'email', fix: 'Ask the shopper for their email and an order number, or their full name and postal code.' });
  },
  summarize: (output) => `Verified ${output.customer.first_name}; token valid until ${output.expires_at}.`,
});

import { z } from 'zod';
import { addressInput, checkoutView, itemsInput, summarizeCheckout, viewCheckout } from './checkout-view.ts';
import { defineTool } from './tool.ts';

export const updateCheckout = defineTool({
  name: 'update_checkout',
  title: 'Change a checkout',
  description: 'Change the items (replaces the list), email, shipping address, shipping option or discount code of an open checkout. Omitted fields stay as they are.',
  input: z.object({
    checkout_id: z.string().min(1),
    items: itemsInput.optional(),
    email: z.string().email().optional(),
    address: addressInput.optional(),
    fulfillment_option_id: z.string().optional().describe('An id from fulfillment_options'),
    discount_code: z.string().optional().describe('Replaces the current code; empty string removes it'),
  }),
  output: checkoutView,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async execute({ services }, input) {
    const session = await services.checkout.update(input.checkout_id, {
      ...(input.items ? { lines: input.items.map((item) => ({ id: item.id, quantity: item.quantity })) } : {}),
      ...(input.email ? { buyer: { email: input.email } } : {}),
      ...(input.address ? { address: { ...input.address, country: input.address.country.toUpperCase() } } : {}),
      ...(input.fulfillment_option_id ? { selected_option_id: input.fulfillment_option_id } : {}),
      ...(input.discount_code !== undefined ? { discount_codes: input.discount_code ? [input.discount_code] : [] } : {}),
    });
    return viewCheckout(services, session);
  },
  summarize: summarizeCheckout,
});

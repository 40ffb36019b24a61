import { z } from 'zod';
import { addressInput, checkoutView, itemsInput, summarizeCheckout, viewCheckout } from './checkout-view.ts';
import { defineTool } from './tool.ts';

export const createCheckout = defineTool({
  name: 'create_checkout',
  title: 'Start a checkout',
  description: 'Start a checkout for variants from search_products. Returns prices, shipping options, tax and total (integer minor units), and what is still missing before payment. Stock is held once the checkout is ready for payment. Share continue_url if the shopper prefers to pay on the store\'s site.',
  input: z.object({
    items: itemsInput,
    email: z.string().email().optional().describe('Shopper email for the receipt'),
    address: addressInput.optional().describe('Shipping address; needed for shipping options and tax'),
    discount_code: z.string().optional(),
  }),
  output: checkoutView,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  async execute({ services, actor }, input) {
    const session = await services.checkout.create(`${actor.kind}:${actor.id}`, {
      lines: input.items.map((item) => ({ id: item.id, quantity: item.quantity })),
      ...(input.email ? { buyer: { email: input.email } } : {}),
      ...(input.address ? { address: { ...input.address, country: input.address.country.toUpperCase() }, contact: { name: input.address.name } } : {}),
      ...(input.discount_code ? { discount_codes: [input.discount_code] } : {}),
    }, { anonymous: true });
    return viewCheckout(services, session);
  },
  summarize: summarizeCheckout,
});

import { z } from 'zod';
import { checkoutView, summarizeCheckout, viewCheckout } from './checkout-view.ts';
import { defineTool, READ_ONLY } from './tool.ts';

export const getCheckout = defineTool({
  name: 'get_checkout',
  title: 'Look at a checkout',
  description: 'The current state of a checkout: items, shipping, tax, total, status, problems, and the order once completed.',
  input: z.object({ checkout_id: z.string().min(1) }),
  output: checkoutView,
  annotations: READ_ONLY,
  async execute({ services }, input) {
    return viewCheckout(services, await services.checkout.get(input.checkout_id));
  },
  summarize: summarizeCheckout,
});

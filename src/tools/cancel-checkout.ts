import { z } from 'zod';
import { checkoutView, summarizeCheckout, viewCheckout } from './checkout-view.ts';
import { defineTool } from './tool.ts';

export const cancelCheckout = defineTool({
  name: 'cancel_checkout',
  title: 'Cancel a checkout',
  description: 'Cancel an open checkout and release the stock it held. A completed checkout cannot be canceled here (that is an order cancellation).',
  input: z.object({ checkout_id: z.string().min(1) }),
  output: checkoutView,
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  async execute({ services }, input) {
    const current = await services.checkout.get(input.checkout_id);
    if (current.status === 'canceled') return viewCheckout(services, current);
    return viewCheckout(services, await services.checkout.cancel(input.checkout_id));
  },
  summarize: summarizeCheckout,
});

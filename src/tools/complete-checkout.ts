import { z } from 'zod';
import { completeCheckout as completeCheckoutFlow } from '../flows/index.ts';
import { checkoutView, summarizeCheckout, viewCheckout } from './checkout-view.ts';
import { defineTool } from './tool.ts';

export const completeCheckout = defineTool({
  name: 'complete_checkout',
  title: 'Pay for a checkout',
  description: 'Pay a checkout that is ready_for_payment with a payment token and place the order. Without confirm=true it only previews the amount to be charged: show that to the shopper and call again with confirm=true once they agree. Retrying with the same request_id never charges twice.',
  input: z.object({
    checkout_id: z.string().min(1),
    payment_token: z.string().min(1).describe('A Stripe Shared Payment Token (spt_…) or, offline, a test token such as spt_test_visa'),
    request_id: z.string().min(1).max(200).describe('Any id unique to this payment attempt; reuse it when retrying'),
    confirm: z.boolean().default(false).describe('true only after the shopper agreed to the total'),
  }),
  output: checkoutView.extend({ charged: z.boolean() }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  async execute({ services, actor }, input) {
    if (!input.confirm) return { ...viewCheckout(services, await services.checkout.get(input.checkout_id)), charged: false };
    const session = await completeCheckoutFlow(services, {
      sessionId: input.checkout_id, token: input.payment_token, requestKey: `tool:${actor.kind}:${actor.id}:${input.request_id}`,
      baseUrl: services.baseUrl(),
    });
    return { ...viewCheckout(services, session), charged: session.status === 'completed' };
  },
  summarize: (output) => (output.charged ? summarizeCheckout(output) : `Preview: ${summarizeCheckout(output)} Nothing was charged; confirm to pay.`),
});

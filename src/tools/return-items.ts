import { z } from 'zod';
import { runOrderAction } from '../flows/index.ts';
import { actionOutcomeSchema, confirm, customerToken, idempotencyKey, itemIds, orderNumber, paymentMethodId, summarizeOutcome, WRITE } from './support-schemas.ts';
import { defineTool } from './tool.ts';

export const returnItemsTool = defineTool({
  name: 'return_items',
  title: 'Return delivered items',
  description: 'Request a return of items of a delivered order (one return or exchange per order: collect every item first). The refund goes to the original payment method or to a gift card / store credit; '
    + 'final-sale items are excluded and the return window counts from delivery. Creates an RMA with shipping instructions; the refund is issued when the parcel arrives. '
    + 'Large refunds, and late returns the shopper contests, are held for a support agent. Preview first; confirm: true only after the shopper agrees.',
  input: z.object({
    customer_token: customerToken,
    order_number: orderNumber,
    item_ids: itemIds,
    payment_method_id: paymentMethodId.describe('Where the refund goes: the original payment method, or a gift card / store credit'),
    contest: z.boolean().default(false).describe('The window has passed and the shopper asks for a person to review the return anyway'),
    confirm,
    idempotency_key: idempotencyKey,
  }),
  output: actionOutcomeSchema,
  annotations: WRITE,
  execute: (context, input) => runOrderAction(context.services, context, 'return', input),
  summarize: summarizeOutcome,
});

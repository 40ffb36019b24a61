import { z } from 'zod';
import { runOrderAction } from '../flows/index.ts';
import { actionOutcomeSchema, confirm, customerToken, idempotencyKey, itemIds, orderNumber, paymentMethodId, summarizeOutcome, WRITE_MONEY } from './support-schemas.ts';
import { defineTool } from './tool.ts';

export const modifyOrderItemsTool = defineTool({
  name: 'modify_order_items',
  title: 'Swap variants in a pending order',
  description: 'Swap items of a pending order for other in-stock variants of the same product (size, color). This can be done ONCE per order: collect every change first. '
    + 'Each item takes its new variant\'s price; the difference is charged or refunded to payment_method_id (a gift card must cover a charge). Preview first; confirm: true only after the shopper agrees.',
  input: z.object({
    customer_token: customerToken,
    order_number: orderNumber,
    item_ids: itemIds,
    new_item_ids: z.array(z.string().min(1)).min(1).max(50).describe('The new variant id for each item, in the same order'),
    payment_method_id: paymentMethodId.describe('Pays or receives the price difference'),
    confirm,
    idempotency_key: idempotencyKey,
  }),
  output: actionOutcomeSchema,
  annotations: WRITE_MONEY,
  execute: (context, input) => runOrderAction(context.services, context, 'modify_items', input),
  summarize: summarizeOutcome,
});

import { z } from 'zod';
import { runOrderAction } from '../flows/index.ts';
import { actionOutcomeSchema, confirm, customerToken, idempotencyKey, itemIds, orderNumber, paymentMethodId, summarizeOutcome, WRITE } from './support-schemas.ts';
import { defineTool } from './tool.ts';

export const exchangeItemsTool = defineTool({
  name: 'exchange_items',
  title: 'Exchange delivered items',
  description: 'Request an exchange of items of a delivered order for other in-stock variants of the same product (one return or exchange per order: collect every item first). '
    + 'The price difference (new minus paid) is charged to or refunded to payment_method_id when the exchange is processed; no new order is placed. Preview first; confirm: true only after the shopper agrees.',
  input: z.object({
    customer_token: customerToken,
    order_number: orderNumber,
    item_ids: itemIds,
    new_item_ids: z.array(z.string().min(1)).min(1).max(50).describe('The new variant id for each item, in the same order'),
    payment_method_id: paymentMethodId.describe('Pays or receives the price difference'),
    contest: z.boolean().default(false).describe('The window has passed and the shopper asks for a person to review anyway'),
    confirm,
    idempotency_key: idempotencyKey,
  }),
  output: actionOutcomeSchema,
  annotations: WRITE,
  execute: (context, input) => runOrderAction(context.services, context, 'exchange', input),
  summarize: summarizeOutcome,
});

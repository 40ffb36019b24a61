import { z } from 'zod';
import { runOrderAction } from '../flows/index.ts';
import { actionOutcomeSchema, confirm, customerToken, idempotencyKey, orderNumber, summarizeOutcome, WRITE_MONEY } from './support-schemas.ts';
import { defineTool } from './tool.ts';

export const cancelOrderTool = defineTool({
  name: 'cancel_order',
  title: 'Cancel a pending order',
  description: 'Cancel a pending order whose items were not modified, refunding every payment to where it came from (gift card and store credit at once, cards and PayPal in 5-7 business days). '
    + 'First call without confirm to get the preview, read it to the shopper, and call again with confirm: true only after an explicit yes.',
  input: z.object({
    customer_token: customerToken,
    order_number: orderNumber,
    reason: z.string().min(1).max(60).describe('Why: "no longer needed" or "ordered by mistake"'),
    confirm,
    idempotency_key: idempotencyKey,
  }),
  output: actionOutcomeSchema,
  annotations: WRITE_MONEY,
  execute: (context, input) => runOrderAction(context.services, context, 'cancel', input),
  summarize: summarizeOutcome,
});

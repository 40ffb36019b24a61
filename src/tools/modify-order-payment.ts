import { z } from 'zod';
import { runOrderAction } from '../flows/index.ts';
import { actionOutcomeSchema, confirm, customerToken, idempotencyKey, orderNumber, paymentMethodId, summarizeOutcome, WRITE_MONEY } from './support-schemas.ts';
import { defineTool } from './tool.ts';

export const modifyOrderPaymentTool = defineTool({
  name: 'modify_order_payment',
  title: 'Pay a pending order with another method',
  description: 'Move the payment of a pending order (one that has exactly one payment) to another saved method of the customer: the new method is charged and the old one refunded. '
    + 'A gift card or store credit must cover the whole amount. Preview first; confirm: true only after the shopper agrees.',
  input: z.object({ customer_token: customerToken, order_number: orderNumber, payment_method_id: paymentMethodId, confirm, idempotency_key: idempotencyKey }),
  output: actionOutcomeSchema,
  annotations: WRITE_MONEY,
  execute: (context, input) => runOrderAction(context.services, context, 'modify_payment', input),
  summarize: summarizeOutcome,
});

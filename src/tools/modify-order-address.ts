import { z } from 'zod';
import { runOrderAction } from '../flows/index.ts';
import { actionOutcomeSchema, addressInput, confirm, customerToken, idempotencyKey, orderNumber, summarizeOutcome, WRITE } from './support-schemas.ts';
import { defineTool } from './tool.ts';

export const modifyOrderAddressTool = defineTool({
  name: 'modify_order_address',
  title: 'Change the shipping address of a pending order',
  description: 'Replace the shipping address of a pending order (also after its items were modified). Preview first; confirm: true only after the shopper agrees.',
  input: z.object({ customer_token: customerToken, order_number: orderNumber, address: addressInput, confirm, idempotency_key: idempotencyKey }),
  output: actionOutcomeSchema,
  annotations: WRITE,
  execute: (context, input) => runOrderAction(context.services, context, 'modify_address', input),
  summarize: summarizeOutcome,
});

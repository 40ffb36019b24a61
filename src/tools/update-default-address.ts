import { z } from 'zod';
import { updateDefaultAddress } from '../flows/index.ts';
import { addressInput, confirm, customerToken, idempotencyKey, WRITE } from './support-schemas.ts';
import { defineTool } from './tool.ts';

export const updateDefaultAddressTool = defineTool({
  name: 'update_default_address',
  title: 'Change the default address',
  description: 'Replace the verified customer\'s default address for future orders; orders already placed keep theirs (use modify_order_address for a pending order). Preview first; confirm: true only after the shopper agrees.',
  input: z.object({ customer_token: customerToken, address: addressInput, confirm, idempotency_key: idempotencyKey }),
  output: z.object({
    status: z.enum(['preview', 'done']), summary: z.string(), address: z.record(z.string(), z.unknown()),
    policy: z.object({ rule: z.string(), article: z.object({ id: z.string(), title: z.string(), url: z.string().nullable() }) }), next_step: z.string(),
  }),
  annotations: WRITE,
  execute: (context, input) => updateDefaultAddress(context.services, context, input),
  summarize: (output) => `${output.status === 'preview' ? 'Preview' : 'Done'}: ${output.summary}`,
});

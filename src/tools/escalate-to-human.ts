import { z } from 'zod';
import { CATEGORIES, PRIORITIES, transcriptSchema } from '../escalations/index.ts';
import { escalateToHuman } from '../flows/index.ts';
import { customerToken, idempotencyKey } from './support-schemas.ts';
import { defineTool } from './tool.ts';

export const escalateToHumanTool = defineTool({
  name: 'escalate_to_human',
  title: 'Hand off to a person',
  description: 'Open a ticket for the support team when the request is outside what the tools can do, the policy needs a person, or the shopper asks for a human. '
    + 'Afterwards tell the shopper a person will take over and to hold on; stop acting on the request yourself.',
  input: z.object({
    customer_token: customerToken.optional().describe('Links the ticket to the verified customer, when there is one'),
    order_number: z.string().max(40).optional().describe('The order it is about (needs customer_token)'),
    category: z.enum(CATEGORIES).default('customer_request').describe('Why it needs a person'),
    reason: z.string().min(1).max(500).describe('One line: what the shopper needs'),
    summary: z.string().min(1).max(4000).describe('What happened so far, so the agent need not re-ask'),
    priority: z.enum(PRIORITIES).default('normal'),
    transcript: transcriptSchema.optional().describe('The conversation so far'),
    idempotency_key: idempotencyKey,
  }),
  output: z.object({ escalation_id: z.string(), status: z.string(), priority: z.string(), created: z.boolean(), message: z.string() }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async execute(context, input) {
    const { escalation, created } = await escalateToHuman(context.services, context, input);
    return {
      escalation_id: escalation.id, status: escalation.status, priority: escalation.priority, created,
      message: 'A member of the support team will take over this conversation; tell the shopper to hold on.',
    };
  },
  summarize: (output) => `Escalated (${output.escalation_id}, ${output.priority}).`,
});

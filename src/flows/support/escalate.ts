import type { Category, Escalation, Priority, Transcript } from '../../escalations/index.ts';
import { notFound, stableHash } from '../../platform/index.ts';
import type { Services } from '../services.ts';
import type { Caller } from './caller.ts';
import { customerFromToken } from './verify.ts';

export interface EscalateInput {
  customer_token?: string;
  order_number?: string;
  category: Category;
  reason: string;
  summary: string;
  priority?: Priority;
  transcript?: Transcript;
  idempotency_key?: string;
}

/**
 * Hands the conversation to a person. Works for anonymous shoppers too; when a token is given the
 * escalation is linked to the customer (and to the order, which must be theirs). Topics the policy
 * always escalates (chargeback, injury…) are raised to high priority.
 */
export async function escalateToHuman(services: Services, caller: Caller, input: EscalateInput): Promise<{ escalation: Escalation; created: boolean }> {
  const customerId = input.customer_token ? customerFromToken(services, input.customer_token) : null;
  let orderNumber: string | null = null;
  if (input.order_number) {
    const order = await services.orders.getOrder(input.order_number);
    if (!customerId || !order || order.customer_id !== customerId) throw notFound(`Order ${input.order_number} was not found for this customer.`, { field: 'order_number', fix: 'Verify the customer first, or leave order_number out.' });
    orderNumber = order.number;
  }
  const text = `${input.reason} ${input.summary}`.toLowerCase();
  const sensitive = services.merchant.policy.escalation.always_escalate_topics.some((topic) => text.includes(topic.toLowerCase().replace(/-/g, ' ')) || text.includes(topic.toLowerCase()));
  const requested = input.priority ?? 'normal';
  const priority: Priority = sensitive && (requested === 'low' || requested === 'normal') ? 'high' : requested;
  // A caller's key is scoped to that caller: nobody obtains another's escalation by reusing its key.
  const sourceKey = input.idempotency_key
    ? `handoff:${stableHash({ caller: caller.actor.id, key: input.idempotency_key })}`
    : `handoff:${stableHash({ caller: caller.actor.id, conversation: caller.conversationId ?? null, customerId, orderNumber, reason: input.reason, summary: input.summary })}`;
  return services.escalations.open({
    source_key: sourceKey, priority, category: sensitive && input.category === 'other' ? 'sensitive_topic' : input.category, reason: input.reason, summary: input.summary,
    transcript: input.transcript ?? [], customer_id: customerId, order_number: orderNumber, conversation_id: caller.conversationId ?? null, channel: caller.channel,
  }, { actor: caller.actor, channel: caller.channel, now: services.clock.now() });
}

import type { Category, Escalation, Priority, Transcript } from '../../escalations/index.ts';
import { notFound, ShopkeeperError, stableHash } from '../../platform/index.ts';
import type { Services } from '../services.ts';
import type { Caller } from './caller.ts';
import { customerFromToken } from './verify.ts';

const WINDOW_SECONDS = 15 * 60;
/** Hand-offs allowed per 15 minutes: per caller (MCP client or conversation) and per client address. */
export const ESCALATION_LIMITS = { perCaller: 5, perAddress: 20 };
const RANK: Record<Priority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };

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
  await enforceLimits(services, caller);
  const text = `${input.reason} ${input.summary}`.toLowerCase();
  const sensitive = services.merchant.policy.escalation.always_escalate_topics.some((topic) => text.includes(topic.toLowerCase().replace(/-/g, ' ')) || text.includes(topic.toLowerCase()));
  // The caller's word is not a fact: an anonymous caller gets at most normal priority, a verified
  // customer at most high (sensitive topics are raised to high for them); urgent is for people.
  const ceiling: Priority = customerId ? 'high' : 'normal';
  const requested = input.priority ?? 'normal';
  const raised: Priority = sensitive && customerId && RANK[requested] < RANK.high ? 'high' : requested;
  const priority: Priority = RANK[raised] > RANK[ceiling] ? ceiling : raised;
  // A caller's key is scoped to that caller: nobody obtains another's escalation by reusing its key.
  const sourceKey = input.idempotency_key
    ? `handoff:${stableHash({ caller: caller.actor.id, key: input.idempotency_key })}`
    : `handoff:${stableHash({ caller: caller.actor.id, conversation: caller.conversationId ?? null, customerId, orderNumber, reason: input.reason, summary: input.summary })}`;
  return services.escalations.open({
    source_key: sourceKey, priority, category: sensitive && input.category === 'other' ? 'sensitive_topic' : input.category, reason: input.reason, summary: input.summary,
    transcript: input.transcript ?? [], customer_id: customerId, order_number: orderNumber, conversation_id: caller.conversationId ?? null, channel: caller.channel,
  }, { actor: caller.actor, channel: caller.channel, now: services.clock.now() });
}

/**
 * Counts every hand-off attempt in the database (all replicas see the same numbers): per caller
 * and conversation, and per client address, since an MCP caller names itself (its user agent).
 */
async function enforceLimits(services: Services, caller: Caller): Promise<void> {
  const now = services.clock.now();
  const tooMany = () => new ShopkeeperError('rate_limited', 'Too many hand-offs to a person from this client; try again in 15 minutes.', {
    fix: 'Tell the shopper a person already has their request, or give them the support email.',
  });
  const callerBucket = `escalate:caller:${stableHash(`${caller.channel}:${caller.actor.id}:${caller.conversationId ?? ''}`)}`;
  if (await services.rateLimiter.hit(callerBucket, WINDOW_SECONDS, now) > ESCALATION_LIMITS.perCaller) throw tooMany();
  if (caller.clientAddress && await services.rateLimiter.hit(`escalate:address:${stableHash(caller.clientAddress)}`, WINDOW_SECONDS, now) > ESCALATION_LIMITS.perAddress) throw tooMany();
}

import { isVariantAvailable } from '../../catalog/index.ts';
import {
  planCancel, planExchange, planModifyAddress, planModifyItems, planModifyPayment, planReceiveReturn, planReturn,
  type ActionKind, type ActionPlan, type Planner, type VariantFacts,
} from '../../orders/index.ts';
import { notFound, ShopkeeperError, stableHash } from '../../platform/index.ts';
import type { Services } from '../services.ts';
import type { Caller } from './caller.ts';
import { cite, withCitation, type Citation } from './citations.ts';
import { settlePayments } from './settle.ts';
import { customerFromToken } from './verify.ts';
import { orderView, type OrderView } from './views.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const PLANNERS: Record<ActionKind, Planner<any>> = {
  cancel: planCancel, modify_address: planModifyAddress, modify_payment: planModifyPayment,
  modify_items: planModifyItems, return: planReturn, exchange: planExchange, receive_return: planReceiveReturn,
};

export interface ActionRequestInput {
  customer_token: string;
  order_number: string;
  confirm?: boolean;
  idempotency_key?: string;
  [argument: string]: unknown;
}

export interface ActionOutcome {
  status: 'preview' | 'done' | 'held';
  action: ActionKind;
  order_number: string;
  summary: string;
  amounts: Record<string, number>;
  currency: string;
  policy: { rule: string; article: Citation };
  /** Set when the action is (or would be) held for a support agent's approval. */
  approval?: { reason: string; rule: string; message: string; article: Citation };
  idempotency_key: string;
  next_step: string;
  replayed?: boolean;
  order?: OrderView;
  held_action_id?: string;
  escalation_id?: string;
}

/** The arguments that define the action (not the token, confirmation or key). */
function argumentsOf(input: ActionRequestInput): Record<string, unknown> {
  const { customer_token: _token, confirm: _confirm, idempotency_key: _key, ...rest } = input;
  return rest;
}

/**
 * Keys for a request that brought none: derived from the token, the action, its arguments and how
 * many actions the order has seen. The same request right after it succeeded maps to `retryKey`
 * (a retry: replay the result); after any other change it is a new request (A, B, then A again
 * changes the address back).
 */
export async function derivedKeys(services: Services, token: string, action: string, args: Record<string, unknown>, scope: Parameters<Services['orderActions']['actionCount']>[0]): Promise<{ key: string; retryKey: string | null }> {
  const version = await services.orderActions.actionCount(scope);
  const derive = (at: number) => `derived:${stableHash({ token, action, args, at })}`;
  return { key: derive(version), retryKey: version > 0 ? derive(version - 1) : null };
}

/**
 * The stored form of a key the caller chose: keys belong to the customer, so the same string from
 * two customers is two requests and never returns the other's stored result.
 */
export const customerScopedKey = (customerId: string, key: string) => `customer:${JSON.stringify([customerId, key])}`;

/** Looks up the variants a swap names, as facts the orders planners can check. */
export async function variantFacts(services: Services, ids: readonly string[]): Promise<Map<string, VariantFacts>> {
  const facts = new Map<string, VariantFacts>();
  for (const id of ids) {
    const found = await services.catalogRepository.findVariant(id.trim());
    if (!found) continue;
    const { product, variant } = found;
    const fact: VariantFacts = {
      sku: variant.sku, product_id: product.id, title: product.title, variant_title: variant.title, options: variant.options, price: variant.price,
      available: product.status === 'active' && isVariantAvailable(variant), tags: product.tags,
    };
    facts.set(id.trim(), fact);
    facts.set(id.trim().toUpperCase(), fact);
  }
  return facts;
}

/**
 * Preview or execute one post-sale action for a verified customer. Without `confirm: true` it only
 * previews. With it: a key already used returns the stored result; a held plan becomes a held
 * action plus an escalation; otherwise the change is applied atomically and card/PayPal entries are
 * settled at the provider afterwards.
 */
export async function runOrderAction(services: Services, caller: Caller, action: ActionKind, input: ActionRequestInput, options: { approved?: boolean; keyOverride?: string } = {}): Promise<ActionOutcome> {
  return withCitation(services, async () => {
    const customerId = customerFromToken(services, input.customer_token);
    const args = argumentsOf(input);
    const requestHash = stableHash({ action, args });
    const chosenKey = input.idempotency_key;
    const derived = options.keyOverride || chosenKey ? null : await derivedKeys(services, input.customer_token, action, args, { orderNumber: String(args.order_number) });
    const key = options.keyOverride ?? (chosenKey ? customerScopedKey(customerId, chosenKey) : derived!.key);
    const planner = PLANNERS[action];
    const policy = services.merchant.policy;
    const variants = await variantFacts(services, Array.isArray(args.new_item_ids) ? args.new_item_ids as string[] : []);
    const planWith = (order: Parameters<Planner<unknown>>[0], customer: Parameters<typeof orderView>[1]) =>
      planner(order, args, { policy, now: services.clock.now(), customer, variants, approved: options.approved });

    // Ownership before anything stored under a key is read: another customer's order reads like a
    // missing one, whatever key comes with it.
    const order = await services.orders.getOrder(String(args.order_number ?? input.order_number));
    const customer = await services.orders.getCustomer(customerId);
    if (!order || !customer || order.customer_id !== customerId) throw notFound(`Order ${String(input.order_number)} was not found for this customer.`, { field: 'order_number', fix: 'Use an order number from list_orders.' });
    if (input.confirm) {
      const earlier = await services.orderActions.previous<ActionOutcome>(key, requestHash)
        ?? (derived?.retryKey ? await services.orderActions.previous<ActionOutcome>(derived.retryKey, requestHash) : null);
      if (earlier) return { ...earlier, replayed: true };
      const held = await services.escalations.findHeldByKey(key);
      // A held action whose escalation was not opened yet (crash in between) falls through and gets one.
      if (held?.escalation_id) return { ...(held.preview as unknown as ActionOutcome), status: 'held', held_action_id: held.id, escalation_id: held.escalation_id, replayed: true };
    }
    const plan = planWith(order, customer);
    const outcome = await describe(services, plan, chosenKey ?? key);
    if (!input.confirm) return outcome;
    if (plan.hold) return holdForApproval(services, caller, plan, outcome, args, key);
    const { replayed, result } = await services.orderActions.apply<ActionOutcome>({
      idempotencyKey: key, requestHash, orderNumber: order.number, customerId, actor: caller.actor, channel: caller.channel, now: services.clock.now(),
      plan: planWith,
      result: (applied, after) => ({ ...outcome, summary: applied.summary, amounts: applied.amounts, status: 'done', next_step: 'Tell the shopper it is done.', order: orderView(after, customer, policy.returns.final_sale_tags) }),
    });
    await settlePayments(services, order.number).catch((error: unknown) => services.logger.error({ err: error, order: order.number }, 'settlement failed; it will be retried'));
    // Orders placed through an agent platform tell that platform about the change (order_updated).
    if (!replayed) await services.checkoutPayments.orderUpdated(order.number);
    return replayed ? { ...result, replayed } : result;
  });
}

async function describe(services: Services, plan: ActionPlan, key: string): Promise<ActionOutcome> {
  const article = await cite(services, plan.article);
  return {
    status: 'preview', action: plan.action, order_number: plan.order_number, summary: plan.summary, amounts: plan.amounts, currency: plan.currency,
    policy: { rule: plan.rule, article },
    ...(plan.hold ? { approval: { reason: plan.hold.reason, rule: plan.hold.rule, message: plan.hold.message, article: await cite(services, plan.hold.article) } } : {}),
    idempotency_key: key,
    next_step: plan.hold
      ? 'Read the summary to the shopper and explain a support agent must approve it; if they agree, call again with confirm: true.'
      : 'Read the summary to the shopper; only if they explicitly say yes, call again with the same arguments and confirm: true.',
  };
}

async function holdForApproval(services: Services, caller: Caller, plan: ActionPlan, outcome: ActionOutcome, args: Record<string, unknown>, key: string): Promise<ActionOutcome> {
  const who = { actor: caller.actor, channel: caller.channel, now: services.clock.now() };
  const preview = { ...outcome, status: 'held' as const, next_step: 'Tell the shopper a support agent will review the request and get back to them.' };
  const { held, created } = await services.escalations.hold({
    source_key: key, kind: plan.action, order_number: plan.order_number, customer_id: plan.customer_id, input: args, preview, reason: plan.hold!.message,
  }, who);
  if (!created && held.source_key !== key) {
    throw new ShopkeeperError('conflict', `Order ${plan.order_number} already has a request waiting for a support agent's approval.`, { field: 'order_number', fix: 'Wait for the support agent\'s decision.' });
  }
  const { escalation } = await services.escalations.open({
    source_key: `held:${held.id}`, priority: plan.hold!.reason === 'refund_over_threshold' ? 'normal' : 'low', category: 'approval_required',
    reason: plan.hold!.message, summary: plan.summary, order_number: plan.order_number, customer_id: plan.customer_id, held_action_id: held.id, conversation_id: caller.conversationId ?? null, channel: caller.channel,
  }, who);
  await services.escalations.linkEscalation(held.id, escalation.id);
  return { ...preview, held_action_id: held.id, escalation_id: escalation.id };
}

import type { Escalation } from '../../escalations/index.ts';
import type { Customer } from '../../orders/index.ts';
import { conflict, notFound, type AuditActor } from '../../platform/index.ts';
import type { Services } from '../services.ts';
import { approveHeldAction, denyHeldAction, receiveReturn } from '../support/index.ts';
import type { ConsoleDeps } from './deps.ts';
import { detailOf, summaryOf } from './detail.ts';
import { computeInsights } from './insights.ts';
import type { ConsoleActor, ConsoleBackend, ReplyDelivery } from './port.ts';

/** A reply counts as delivered live when the shopper's widget was active this recently (it polls while handed off). */
const LIVE_WINDOW_MS = 15 * 60_000;

/**
 * The console's backend over the real capabilities: escalations and held actions (support flows),
 * orders, the audit log (notes and who did what), the conversation store (replies into the
 * widget) and the knowledge base (suggested replies).
 */
export function createConsoleBackend(services: Services, deps: ConsoleDeps): ConsoleBackend {
  const who = (actor: ConsoleActor) => ({ actor: { kind: 'support_agent', id: actor.id } as AuditActor, channel: 'console', now: services.clock.now() });
  const emails = async () => new Map((await deps.accounts.list()).map((account) => [account.id, account.email]));
  const load = async (id: string): Promise<Escalation> => {
    const escalation = await services.escalations.get(id);
    if (!escalation) throw notFound(`Escalation ${id} not found.`, { field: 'id', fix: 'Open it from the queue.' });
    return escalation;
  };
  const heldOf = (escalation: Escalation): string => {
    if (!escalation.held_action_id) throw conflict('This escalation has no held action.', { fix: 'Reply to the shopper instead.' });
    return escalation.held_action_id;
  };
  /** Acting on an unassigned escalation takes it, so the queue shows who is on it. */
  const ensureClaimed = async (escalation: Escalation, actor: ConsoleActor) => {
    if (escalation.status === 'open') await services.escalations.setStatus(escalation.id, 'claimed', who(actor), actor.id);
  };

  return {
    async listEscalations(filter) {
      const now = services.clock.now().getTime();
      const chosen = await services.escalations.list({
        ...(filter.status ? { status: filter.status } : {}), ...(filter.priority ? { priority: filter.priority } : {}), ...(filter.reason ? { category: filter.reason } : {}),
        ...(filter.minAgeMinutes ? { created_before: new Date(now - filter.minAgeMinutes * 60_000).toISOString() } : {}),
        ...(filter.updatedAfter ? { updated_after: filter.updatedAfter } : {}), limit: filter.limit ?? 500, offset: filter.offset ?? 0,
      });
      const customers = new Map<string, Customer | null>();
      for (const id of new Set(chosen.map((item) => item.customer_id).filter((value): value is string => value !== null))) customers.set(id, await services.orders.getCustomer(id));
      const names = await emails();
      return chosen.map((item) => summaryOf(item, item.customer_id ? customers.get(item.customer_id) ?? null : null, names));
    },

    async getEscalation(id) {
      const escalation = await services.escalations.get(id);
      return escalation ? detailOf(services, deps, escalation, await emails()) : null;
    },

    async claim(id, actor) {
      await load(id);
      await services.escalations.setStatus(id, 'claimed', who(actor), actor.id);
    },

    async unassign(id, actor) {
      await load(id);
      await services.escalations.setStatus(id, 'open', who(actor));
    },

    async approve(id, actor) {
      const escalation = await load(id);
      await ensureClaimed(escalation, actor);
      const outcome = await approveHeldAction(services, heldOf(escalation), { actor: who(actor).actor, channel: 'console' });
      return `Executed: ${outcome.summary}`;
    },

    async deny(id, actor, reason) {
      const escalation = await load(id);
      await ensureClaimed(escalation, actor);
      await denyHeldAction(services, heldOf(escalation), { actor: who(actor).actor, channel: 'console' }, reason);
    },

    async reply(id, actor, text): Promise<ReplyDelivery> {
      const escalation = await load(id);
      await ensureClaimed(escalation, actor);
      const at = services.clock.now();
      await services.audit.record({ actor: who(actor).actor, channel: 'console', action: 'escalation.reply', subject: { type: 'escalation', id }, customer_id: escalation.customer_id ?? undefined, before: null, after: { text } }, at.toISOString());
      const conversationId = await deps.readModel.conversationOf(escalation);
      let delivery: ReplyDelivery = 'stored';
      const conversation = conversationId && deps.conversations ? await deps.conversations.get(conversationId) : null;
      if (conversationId && conversation && deps.conversations) {
        delivery = at.getTime() - Date.parse(conversation.updated_at) <= LIVE_WINDOW_MS ? 'live' : 'stored';
        await deps.conversations.appendAgentReply(conversationId, text, actor.email);
      }
      if (escalation.status !== 'resolved') await services.escalations.setStatus(id, 'waiting_on_customer', who(actor));
      return delivery;
    },

    async note(id, actor, text) {
      const escalation = await load(id);
      await services.audit.record({ actor: who(actor).actor, channel: 'console', action: 'escalation.note', subject: { type: 'escalation', id }, customer_id: escalation.customer_id ?? undefined, before: null, after: { text } }, services.clock.now().toISOString());
    },

    async resolve(id, actor) {
      await load(id);
      await services.escalations.setStatus(id, 'resolved', who(actor));
    },

    async receiveReturn(id, actor) {
      const escalation = await load(id);
      if (!escalation.order_number) throw conflict('This escalation has no order.', { fix: 'Mark the parcel received with `shopkeeper returns receive RMA-…`.' });
      const outcome = await receiveReturn(services, escalation.order_number, { actor: who(actor).actor, channel: 'console' });
      return outcome.replayed ? `Already received: ${outcome.summary}` : outcome.summary;
    },

    insights: (range) => computeInsights(services, deps.readModel, range),
  };
}

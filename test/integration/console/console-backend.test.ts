import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConsoleReadModel, createConsoleBackend, type ConsoleBackend, type ConsoleDeps } from '../../../src/flows/console/index.ts';
import { startSupport, type SupportHarness } from '../../helpers/support.ts';

/** The real adapter: escalations, held actions, orders, audit log and conversations behind the console's port. */
let shop: SupportHarness;
let backend: ConsoleBackend;
let sam: { id: string; email: string; role: 'agent' };
/** The assistant's conversation store, when the build has it (the widget issue). */
type Conversations = NonNullable<ConsoleDeps['conversations']> & {
  create(locale: string, origin: string | null): Promise<{ id: string }>;
  append(id: string, role: string, text: string): Promise<unknown>;
  setHandoff(id: string, status: string, ticketId?: string): Promise<unknown>;
};
const conversationsOf = (harness: SupportHarness) => (harness.runtime as unknown as { conversations?: Conversations }).conversations;
type Held = { status: string; held_action_id: string; escalation_id: string; amounts: Record<string, number> };

beforeEach(async () => {
  shop = await startSupport();
  const account = await shop.runtime.accounts.add('sam@northwind.example', 'agent', 'correct horse battery staple');
  sam = { id: account.id, email: account.email, role: 'agent' };
  backend = createConsoleBackend(shop.runtime, {
    readModel: new ConsoleReadModel(shop.runtime.sql), accounts: shop.runtime.accounts, conversations: conversationsOf(shop) ?? null,
    answerQuestion: async () => ({ answerable: true, answer: 'Refunds go back to the original payment method.', citations: [{ title: 'Returns and refunds', url: 'https://shop.example/help/returns' }] }),
  });
});
afterEach(() => shop.stop());

async function holdRefund(): Promise<Held> {
  const token = await shop.token();
  const held = await shop.call<Held>('return_items', { customer_token: token, order_number: 'NW-1005', item_ids: ['TENT-2P'], payment_method_id: 'card_ana', confirm: true });
  expect(held.status).toBe('held');
  return held;
}

describe('console backend over the support capabilities', () => {
  it('shows a held refund with customer, verification, order history, preview, rule and suggested reply; approving executes it', async () => {
    const held = await holdRefund();
    const queue = await backend.listEscalations({ status: ['open'] });
    expect(queue).toEqual([expect.objectContaining({ id: held.escalation_id, reason: 'approval_required', customer_name: 'Ana Silva', order_number: 'NW-1005', has_held_action: true, assignee: null })]);
    expect(await backend.listEscalations({ status: ['open'], priority: ['urgent'] })).toEqual([]);

    const detail = (await backend.getEscalation(held.escalation_id))!;
    expect(detail.customer).toMatchObject({ name: 'Ana Silva', email: 'ana.silva@example.com', verified_by: 'email + order' });
    expect(detail.order).toMatchObject({ number: 'NW-1005', history: expect.arrayContaining([expect.objectContaining({ number: 'NW-1001' })]) });
    expect(detail.held_action).toMatchObject({ kind: 'return', status: 'pending', preview: { amount: { amount: held.amounts.refund, currency: 'USD' } }, policy: { citation: { url: expect.stringContaining('http') } } });
    expect(detail.suggested_reply?.citations[0]?.title).toBe('Returns and refunds');

    expect(await backend.approve(held.escalation_id, sam)).toMatch(/^Executed: /);
    expect((await shop.runtime.orders.getOrder('NW-1005'))!.status).toBe('return_requested');
    const after = (await backend.getEscalation(held.escalation_id))!;
    expect(after).toMatchObject({ status: 'resolved', held_action: { status: 'approved', decided_by: 'sam@northwind.example' } });
    await expect(backend.approve(held.escalation_id, sam)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('claims, unassigns, notes, denies and resolves, attributing each step to the agent', async () => {
    const held = await holdRefund();
    await backend.claim(held.escalation_id, sam);
    expect((await backend.listEscalations({ status: ['claimed'] }))[0]!.assignee).toEqual({ id: sam.id, email: sam.email });
    await backend.unassign(held.escalation_id, sam);
    expect((await backend.listEscalations({ status: ['open'] }))[0]!.assignee).toBeNull();
    await backend.note(held.escalation_id, sam, 'Tent came back muddy; check photos.');
    await backend.deny(held.escalation_id, sam, 'Used outdoors for a season.');
    const detail = (await backend.getEscalation(held.escalation_id))!;
    expect(detail.notes).toEqual([expect.objectContaining({ author: 'sam@northwind.example', text: 'Tent came back muddy; check photos.' })]);
    expect(detail.held_action).toMatchObject({ status: 'denied', outcome: 'Used outdoors for a season.' });
    expect((await shop.runtime.orders.getOrder('NW-1005'))!.status).toBe('delivered');
    const actions = (await shop.runtime.audit.list({ subject_type: 'escalation', subject_id: held.escalation_id })).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['escalation.status', 'escalation.note']));
  });

  it('stores a reply with the escalation when there is no widget conversation, and waits on the customer', async () => {
    const held = await holdRefund();
    expect(await backend.reply(held.escalation_id, sam, 'We are looking at it.')).toBe('stored');
    const detail = (await backend.getEscalation(held.escalation_id))!;
    expect(detail.transcript.at(-1)).toMatchObject({ role: 'support_agent', text: 'We are looking at it.', author: 'sam@northwind.example' });
    expect(detail).toMatchObject({ status: 'waiting_on_customer', assignee: { email: 'sam@northwind.example' } });
  });

  it('delivers a reply live into the widget conversation the escalation came from', async (context) => {
    const store = conversationsOf(shop);
    if (!store) return context.skip();
    const held = await holdRefund();
    const conversation = await store.create('en', null);
    await store.append(conversation.id, 'shopper', 'Can I return my tent?');
    await store.setHandoff(conversation.id, 'requested', held.escalation_id);
    expect(await backend.reply(held.escalation_id, sam, 'Your refund is approved.')).toBe('live');
    expect((await store.messages(conversation.id)).at(-1)).toMatchObject({ role: 'agent', author: 'sam@northwind.example', text: 'Your refund is approved.' });
    const detail = (await backend.getEscalation(held.escalation_id))!;
    expect(detail.conversation_id).toBe(conversation.id);
    expect(detail.transcript.map((entry) => entry.role)).toEqual(['shopper', 'support_agent']);
  });

  it('counts conversations and clusters unanswered questions when the build has a conversation store', async (context) => {
    const store = conversationsOf(shop);
    if (!store) return context.skip();
    for (const question of ['Do you ship to Iceland?', 'can you ship to iceland', 'What is your return window?']) {
      const conversation = await store.create('en', null);
      await store.append(conversation.id, 'shopper', question);
      await store.append(conversation.id, 'assistant', question.includes('return') ? 'You have 30 days.' : "I don't know the answer to that from our help center, and I'd rather not guess.");
    }
    await store.setHandoff((await store.create('en', null)).id, 'requested');
    const now = shop.runtime.clock.now().getTime();
    const insights = await backend.insights({ from: new Date(now - 86_400_000).toISOString(), to: new Date(now + 60_000).toISOString() });
    expect(insights).toMatchObject({ conversations: 4, resolved_without_human: 3 });
    expect(insights.unanswered_questions.map((item) => item.text)).toEqual(['Do you ship to Iceland?', 'can you ship to iceland']);
  });

  it('computes insights: escalations by reason and actions taken', async () => {
    const held = await holdRefund();
    await backend.approve(held.escalation_id, sam);
    const now = shop.runtime.clock.now().getTime();
    const insights = await backend.insights({ from: new Date(now - 7 * 86_400_000).toISOString(), to: new Date(now + 60_000).toISOString() });
    expect(insights).toMatchObject({ escalations: 1, escalation_reasons: { approval_required: 1 }, actions: { returns: 1, cancellations: 0 } });
    expect(insights.daily.reduce((sum, day) => sum + day.escalations, 0)).toBe(1);
  });
});

import { expect, it } from 'vitest';
import { SqlEscalations, WebhookOutbox, escalationsMigrations, type NewEscalation } from '../../src/escalations/index.ts';
import { AuditLog, auditMigrations } from '../../src/platform/index.ts';
import { onEveryDatabase } from '../helpers/databases.ts';
import { inProcesses } from './fixtures/processes.ts';

const migrations = [...auditMigrations, ...escalationsMigrations];
const who = { actor: { kind: 'support_agent' as const, id: 'agent_1' }, channel: 'test', now: new Date('2026-11-28T10:00:00.000Z') };
const ticket = (key: string, overrides: Partial<NewEscalation> = {}): NewEscalation => ({
  source_key: key, priority: 'normal', category: 'customer_request', reason: 'Wants a person', summary: 'Asked for a human', channel: 'test', customer_id: 'cus_a', ...overrides,
});
const held = (key: string, order = 'NW-1') => ({ source_key: key, kind: 'return', order_number: order, customer_id: 'cus_a', input: { order_number: order }, preview: { refund: 100 }, reason: 'refund_over_threshold' });

await onEveryDatabase('Escalations contract', migrations, (open) => {
  it('opens one escalation per key, even for concurrent hand-offs, with one audit row and one event', async () => {
    const storage = await open();
    const escalations = new SqlEscalations(storage.sql);
    const results = await Promise.all(Array.from({ length: 10 }, () => escalations.open(ticket('conv-1'), who)));
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.escalation.id)).size).toBe(1);
    const { escalation } = results[0]!;
    expect(escalation).toMatchObject({ status: 'open', priority: 'normal', customer_id: 'cus_a', assignee: null });
    expect(escalation).not.toHaveProperty('source_key');
    expect(await escalations.get(escalation.id)).toEqual(escalation);
    expect(await new AuditLog(storage.sql).list({ action: 'escalation.open' })).toHaveLength(1);
    expect((await new WebhookOutbox(storage.sql, { url: 'http://127.0.0.1:9', secret: 'x'.repeat(16) }).list()).map((event) => event.type)).toEqual(['escalation.created']);
  });

  it('lists the queue most urgent first and filters by status, priority, category, customer and order', async () => {
    const escalations = new SqlEscalations((await open()).sql);
    const a = (await escalations.open(ticket('a', { priority: 'low' }), who)).escalation;
    const b = (await escalations.open(ticket('b', { priority: 'urgent', category: 'complaint', order_number: 'NW-2' }), who)).escalation;
    const c = (await escalations.open(ticket('c', { customer_id: 'cus_b' }), who)).escalation;
    expect((await escalations.list()).map((item) => item.id)).toEqual([b.id, c.id, a.id]);
    await escalations.setStatus(c.id, 'claimed', who);
    expect((await escalations.get(c.id))!).toMatchObject({ status: 'claimed', assignee: 'agent_1' });
    expect((await escalations.list({ status: 'open' })).map((item) => item.id)).toEqual([b.id, a.id]);
    expect((await escalations.list({ status: ['open', 'claimed'], customer_id: 'cus_b' })).map((item) => item.id)).toEqual([c.id]);
    expect((await escalations.list({ category: 'complaint' })).map((item) => item.id)).toEqual([b.id]);
    expect((await escalations.list({ order_number: 'NW-2', priority: 'urgent' })).map((item) => item.id)).toEqual([b.id]);
    expect(await escalations.list({ limit: 1 })).toHaveLength(1);
    await expect(escalations.setStatus('esc_missing', 'resolved', who)).rejects.toThrow(/not found/);
  });

  it('holds one action per order and moves a held action only from the expected state', async () => {
    const escalations = new SqlEscalations((await open()).sql);
    const holds = await Promise.all(Array.from({ length: 10 }, (_, index) => escalations.hold(held(`k-${index}`), who)));
    expect(holds.filter((result) => result.created)).toHaveLength(1);
    const { held: first } = holds.find((result) => result.created)!;
    expect(new Set(holds.map((result) => result.held.id))).toEqual(new Set([first.id]));
    expect((await escalations.hold(held(first.source_key, 'NW-9'), who)).held.id).toBe(first.id);
    expect(await escalations.findHeldByKey(first.source_key)).toEqual(first);

    const decisions = await Promise.allSettled([
      escalations.transitionHeld(first.id, 'pending', 'approved', who),
      escalations.transitionHeld(first.id, 'pending', 'denied', who, 'no'),
    ]);
    expect(decisions.filter((decision) => decision.status === 'fulfilled')).toHaveLength(1);
    const rejected = decisions.find((decision) => decision.status === 'rejected') as PromiseRejectedResult;
    expect(String(rejected.reason)).toMatch(/not pending/);
    const decided = (await escalations.getHeld(first.id))!;
    expect(decided.decided_by).toBe('agent_1');
    await expect(escalations.transitionHeld('held_missing', 'pending', 'approved', who)).rejects.toThrow(/not found/);
    if (decided.status === 'approved') {
      await escalations.transitionHeld(first.id, 'approved', 'executed', who, { ok: true });
      expect((await escalations.getHeld(first.id))!).toMatchObject({ status: 'executed', result: { ok: true } });
    }
    // Decided, the order can be held again.
    expect((await escalations.hold(held('later'), { ...who, now: new Date('2026-11-28T11:00:00.000Z') })).created).toBe(true);
    expect((await escalations.listHeld({ order_number: 'NW-1' })).map((item) => item.source_key)).toEqual([first.source_key, 'later']);
    expect((await escalations.listHeld({ status: 'pending' })).map((item) => item.source_key)).toEqual(['later']);
    await escalations.linkEscalation(first.id, 'esc_1');
    await escalations.linkEscalation(first.id, 'esc_2');
    expect((await escalations.getHeld(first.id))!.escalation_id).toBe('esc_1');
  });

  it('never gives one outbox event to two leasers at once, across processes, and retries with backoff', async () => {
    const storage = await open();
    const escalations = new SqlEscalations(storage.sql);
    for (let index = 0; index < 30; index++) await escalations.open(ticket(`t-${index}`), { ...who, now: new Date('2026-11-28T09:00:00.000Z') });
    const leased = (await inProcesses<string[]>(storage, 'lease', 4)).flat(2);
    expect(leased.length).toBeGreaterThan(0);
    expect(new Set(leased).size).toBe(leased.length);

    const sent: string[] = [];
    let status = 500;
    let now = new Date('2026-11-28T12:00:00.000Z');
    const outbox = new WebhookOutbox(storage.sql, {
      url: 'http://hooks.test', secret: 'x'.repeat(16), baseDelayMs: 1000, now: () => now,
      fetch: async (_url, init) => { sent.push(JSON.parse(String(init!.body)).id as string); return new Response('', { status }); },
    });
    // Leases of the workers have expired by now: every event is delivered, each exactly once per attempt.
    const [left, right] = await Promise.all([outbox.deliverDue(100), outbox.deliverDue(100)]);
    expect(left + right).toBe(0);
    expect(sent).toHaveLength(30);
    expect(new Set(sent).size).toBe(30);
    expect(await outbox.deliverDue(100)).toBe(0);
    expect(sent).toHaveLength(30);
    status = 200;
    now = new Date(now.getTime() + 1000);
    expect(await outbox.deliverDue(100)).toBe(30);
    expect((await outbox.list()).every((event) => event.status === 'delivered' && event.attempts === 2)).toBe(true);
  });
});

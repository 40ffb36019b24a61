import { expect, it } from 'vitest';
import { SqlEscalations, escalationsMigrations } from '../../src/escalations/index.ts';
import { ConsoleReadModel } from '../../src/flows/console/index.ts';
import { AuditLog, auditMigrations, type Migration } from '../../src/platform/index.ts';
import { onEveryDatabase } from '../helpers/databases.ts';

// The console reads other capabilities' tables; these stand-ins have exactly the columns it reads.
const otherTables = `
  CREATE TABLE assistant_conversations (id TEXT PRIMARY KEY, locale TEXT NOT NULL, state TEXT NOT NULL, handoff TEXT NOT NULL DEFAULT 'none', created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
  CREATE TABLE assistant_messages (conversation_id TEXT NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL, role TEXT NOT NULL, text TEXT NOT NULL, events TEXT NOT NULL DEFAULT '[]', created_at TEXT NOT NULL, PRIMARY KEY (conversation_id, seq));
  CREATE TABLE checkout_sessions (id TEXT PRIMARY KEY, status TEXT NOT NULL);
`;
const migrations: Migration[] = [...auditMigrations, ...escalationsMigrations, { id: 'test/001-other-tables', sqlite: otherTables, postgres: otherTables }];
const who = { actor: { kind: 'system' as const, id: 'test' }, channel: 'test', now: new Date('2026-11-20T10:00:00.000Z') };
const range = ['2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z'] as const;

await onEveryDatabase('Console read model contract', migrations, (open) => {
  it('reports conversations, unanswered questions, checkout conversions, order actions and escalations', async () => {
    const { sql } = await open();
    const conversation = (id: string, state: unknown, handoff: string, at: string) =>
      sql.run('INSERT INTO assistant_conversations (id, locale, state, handoff, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)', [id, 'en', JSON.stringify(state), handoff, at, at]);
    const message = (conversationId: string, seq: number, role: string, text: string, events: unknown[] = []) =>
      sql.run('INSERT INTO assistant_messages (conversation_id, seq, id, role, text, events, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [conversationId, seq, `${conversationId}-${seq}`, role, text, JSON.stringify(events), `2026-11-10T10:00:0${seq}.000Z`]);
    await conversation('conv_a', { ticketId: 'esc_x' }, 'human', '2026-11-10T10:00:00.000Z');
    await conversation('conv_b', { verifiedOrder: 'NW-7' }, 'requested', '2026-11-11T10:00:00.000Z');
    await conversation('conv_c', {}, 'none', '2026-11-11T12:00:00.000Z');
    await message('conv_c', 1, 'shopper', 'Do you ship to Mars?');
    await message('conv_c', 2, 'assistant', "Sorry, I DON'T KNOW THE ANSWER to that.");
    await message('conv_c', 3, 'assistant', 'Here is a checkout.', [{ type: 'checkout-created', checkout_id: 'cs_1' }, { type: 'text' }]);
    await message('conv_c', 4, 'assistant', 'And another.', [{ type: 'checkout-created', checkout_id: 'cs_2' }]);
    await sql.run("INSERT INTO checkout_sessions (id, status) VALUES ('cs_1', 'completed'), ('cs_2', 'open')");
    await new AuditLog(sql).record({ actor: who.actor, channel: 'test', action: 'order.cancel', subject: { type: 'order', id: 'NW-7' }, before: null, after: null }, '2026-11-12T10:00:00.000Z');
    await new SqlEscalations(sql).open({ source_key: 'k', priority: 'high', category: 'complaint', reason: 'r', summary: 's', channel: 'test' }, who);

    const model = new ConsoleReadModel(sql);
    const stats = await model.conversationStats(...range);
    expect({ ...stats, daily: Object.fromEntries(stats.daily) }).toEqual({ conversations: 3, handed_off: 2, daily: { '2026-11-10': 1, '2026-11-11': 2 } });
    expect(await model.unansweredQuestions(...range)).toEqual([{ text: 'Do you ship to Mars?', at: '2026-11-10T10:00:01.000Z' }]);
    expect(await model.checkoutConversions(...range)).toEqual({ opened: 2, completed: 1 });
    expect(await model.orderActions(...range)).toEqual([{ action: 'order.cancel', order_number: 'NW-7', at: '2026-11-12T10:00:00.000Z' }]);
    expect(await model.escalationsCreated(...range)).toEqual([{ category: 'complaint', day: '2026-11-20' }]);

    const escalation = (id: string, order: string | null, more: { conversation_id?: string; customer_id?: string } = {}) => ({ id, order_number: order, created_at: '2026-11-20T00:00:00.000Z', ...more });
    expect(await model.conversationOf(escalation('esc_w', 'NW-7', { conversation_id: 'conv_c', customer_id: 'cus_1' }))).toBe('conv_c');
    expect(await model.conversationOf(escalation('esc_w', null, { conversation_id: 'conv_gone' }))).toBeNull();
    expect(await model.conversationOf(escalation('esc_x', null))).toBe('conv_a');
    expect(await model.conversationOf(escalation('esc_z', 'NW-7', { customer_id: 'cus_1' }))).toBe('conv_b');
    // Mentioning an order proves nothing: without a customer the order fallback does not apply.
    expect(await model.conversationOf(escalation('esc_z', 'NW-7'))).toBeNull();
    expect(await model.conversationOf(escalation('esc_z', 'NW-8', { customer_id: 'cus_1' }))).toBeNull();
  });

  it('answers empty when a capability\'s tables are not in the build', async () => {
    const { sql } = await open();
    await sql.run('DROP TABLE assistant_messages');
    await sql.run('DROP TABLE assistant_conversations');
    const model = new ConsoleReadModel(sql);
    expect(await model.conversationOf({ id: 'esc', order_number: 'NW-1', created_at: range[0] })).toBeNull();
    expect(await model.checkoutConversions(...range)).toEqual({ opened: 0, completed: 0 });
    expect(await model.unansweredQuestions(...range)).toEqual([]);
  });
});

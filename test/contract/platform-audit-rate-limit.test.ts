import { expect, it } from 'vitest';
import { AuditLog, auditMigrations, RateLimiter, rateLimitMigrations } from '../../src/platform/index.ts';
import { onEveryDatabase } from '../helpers/databases.ts';
import { inProcesses } from './fixtures/processes.ts';

const at = new Date('2026-11-28T10:00:00Z');

await onEveryDatabase('Audit log and rate limiter contract', [...auditMigrations, ...rateLimitMigrations], (open) => {
  it('counts every hit exactly once under concurrency, in this process and two others', async () => {
    const storage = await open();
    const limiter = new RateLimiter(storage.sql);
    const [local, remote] = await Promise.all([
      Promise.all(Array.from({ length: 20 }, () => limiter.hit('bucket', 3600, at))),
      inProcesses<number>(storage, 'hit', 20),
    ]);
    const counts = [...local, ...remote.flat()];
    expect(counts.sort((x, y) => x - y)).toEqual(Array.from({ length: 60 }, (_, index) => index + 1));
    expect(await limiter.count('bucket', 3600, at)).toBe(60);
    expect(await limiter.count('other', 3600, at)).toBe(0);
    expect(await limiter.count('bucket', 3600, new Date(at.getTime() + 3600_000))).toBe(0);
    expect(await limiter.hit('bucket', 3600, new Date(at.getTime() + 5 * 3600_000))).toBe(1);
    // The first hit of a new window trims windows long past.
    expect(await limiter.count('bucket', 3600, at)).toBe(0);
  });

  it("a short window's trim never erases another bucket's longer window", async () => {
    const storage = await open();
    const limiter = new RateLimiter(storage.sql);
    const start = new Date('2026-11-28T10:00:00Z');
    for (let index = 0; index < 3; index += 1) await limiter.hit('verify', 900, start);
    // Five minutes later a 60 s bucket opens new windows (each first hit trims).
    for (let minute = 1; minute <= 5; minute += 1) await limiter.hit('chat', 60, new Date(start.getTime() + minute * 60_000));
    expect(await limiter.count('verify', 900, new Date(start.getTime() + 5 * 60_000))).toBe(3);
  });

  it('lists audit entries in order and by subject, customer and action', async () => {
    const audit = new AuditLog((await open()).sql);
    const actor = { kind: 'system' as const, id: 'test' };
    await audit.record({ actor, channel: 'test', action: 'order.cancel', subject: { type: 'order', id: 'NW-1' }, customer_id: 'cus_a', before: { status: 'pending' }, after: { status: 'cancelled' }, correlation_id: 'k1' }, '2026-11-28T10:00:00.000Z');
    await audit.record({ actor, channel: 'test', action: 'customer.verify', subject: { type: 'customer', id: 'cus_a' }, customer_id: 'cus_a', before: null, after: { method: 'email' } }, '2026-11-28T10:01:00.000Z');
    await audit.record({ actor, channel: 'test', action: 'escalation.note', subject: { type: 'escalation', id: 'esc_1' }, before: null, after: { text: 'hi' } }, '2026-11-28T10:02:00.000Z');
    const all = await audit.list();
    expect(all.map((entry) => entry.action)).toEqual(['order.cancel', 'customer.verify', 'escalation.note']);
    expect(all[0]).toEqual({ id: expect.any(Number), at: '2026-11-28T10:00:00.000Z', actor, channel: 'test', action: 'order.cancel', subject: { type: 'order', id: 'NW-1' }, customer_id: 'cus_a', before: { status: 'pending' }, after: { status: 'cancelled' }, correlation_id: 'k1' });
    expect(all[2]).not.toHaveProperty('customer_id');
    expect((await audit.list({ customer_id: 'cus_a' })).map((entry) => entry.action)).toEqual(['order.cancel', 'customer.verify']);
    expect((await audit.list({ customer_id: 'cus_a', action: 'customer.verify' }))).toHaveLength(1);
    expect((await audit.list({ subject_type: 'escalation', subject_id: 'esc_1' })).map((entry) => entry.action)).toEqual(['escalation.note']);
    expect(await audit.list({ subject_id: 'nothing' })).toEqual([]);
    expect(await audit.list({ limit: 2 })).toHaveLength(2);
  });
});

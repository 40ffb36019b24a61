import { afterAll, expect, it } from 'vitest';
import { SqlOrderActions, SqlOrdersRepository, ordersMigrations } from '../../src/orders/index.ts';
import { AuditLog, auditMigrations, type Storage } from '../../src/platform/index.ts';
import { onEveryDatabase } from '../helpers/databases.ts';
import { cancelRequest, customer, openSecond, order } from './fixtures/orders.ts';
import { inProcesses } from './fixtures/processes.ts';

const migrations = [...ordersMigrations, ...auditMigrations];
const extra: Storage[] = [];
afterAll(async () => { for (const storage of extra.splice(0)) await storage.close(); });

async function seeded(storage: Storage) {
  const orders = new SqlOrdersRepository(storage.sql);
  await orders.upsertCustomers([customer('cus_a'), customer('cus_b', { email: 'b@example.com' })]);
  await orders.upsertOrders([order('NW-1', 'cus_a'), order('NW-2', 'cus_a'), order('NW-3', 'cus_b')]);
  return { orders, actions: new SqlOrderActions(storage.sql, orders), audit: new AuditLog(storage.sql) };
}

await onEveryDatabase('Order actions contract', migrations, (open) => {
  it('applies one cancel out of 30 concurrent ones split across two processes', async () => {
    const storage = await open();
    const { actions, orders, audit } = await seeded(storage);
    const outcomes = (await inProcesses<{ result?: unknown; error?: string }>(storage, 'cancel', 15)).flat();
    expect(outcomes).toHaveLength(30);
    expect(outcomes.filter((outcome) => !outcome.error)).toHaveLength(1);
    for (const outcome of outcomes) if (outcome.error) expect(outcome.error).toMatch(/is cancelled/);
    const after = (await orders.getOrder('NW-1'))!;
    expect(after.status).toBe('cancelled');
    expect(after.payments.filter((entry) => entry.kind === 'refund')).toHaveLength(2);
    // The gift card was credited exactly once, and exactly one card refund waits for the provider.
    expect((await orders.getCustomer('cus_a'))!.payment_methods.find((method) => method.id === 'gift_cus_a')!.balance).toBe(7000);
    expect(await actions.settlements('NW-1')).toEqual([expect.objectContaining({ kind: 'refund', amount: 10500, status: 'pending', method_id: 'card_cus_a' })]);
    expect(await audit.list({ subject_id: 'NW-1', action: 'order.cancel' })).toHaveLength(1);
    expect(await actions.actionCount({ orderNumber: 'NW-1' })).toBe(1);
  });

  it('replays an idempotency key with the same result, also when the same key races across processes, and refuses it for another request', async () => {
    const storage = await open();
    const { actions, orders, audit } = await seeded(storage);
    const outcomes = [...(await inProcesses<{ replayed: boolean; result: unknown }>(storage, 'same-key', 5)).flat(),
      ...await Promise.all(Array.from({ length: 5 }, () => actions.apply(cancelRequest('NW-1', 'cus_a', 'same-key'))))];
    expect(outcomes.filter((outcome) => !outcome.replayed)).toHaveLength(1);
    for (const outcome of outcomes) expect(outcome.result).toEqual({ status: 'cancelled', refunded: 12500 });
    expect(await actions.apply(cancelRequest('NW-1', 'cus_a', 'same-key'))).toEqual({ replayed: true, result: { status: 'cancelled', refunded: 12500 } });
    expect(await actions.previous('same-key', 'cancel:NW-1')).toEqual({ status: 'cancelled', refunded: 12500 });
    await expect(actions.previous('same-key', 'something else')).rejects.toThrow(/different request/);
    expect(await audit.list({ subject_id: 'NW-1' })).toHaveLength(1);
    expect((await orders.getCustomer('cus_a'))!.payment_methods.find((method) => method.id === 'gift_cus_a')!.balance).toBe(7000);
  });

  it('applies one cancel out of 30 concurrent ones split across two Storages in this process', async () => {
    const storage = await open();
    const second = openSecond(storage);
    extra.push(second);
    const { actions, orders } = await seeded(storage);
    const other = new SqlOrderActions(second.sql, new SqlOrdersRepository(second.sql));
    const outcomes = await Promise.allSettled(Array.from({ length: 30 }, (_, index) => (index % 2 ? other : actions).apply(cancelRequest('NW-1', 'cus_a', `k-${index}`))));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes) if (outcome.status === 'rejected') expect(String(outcome.reason)).toMatch(/is cancelled/);
    expect((await orders.getCustomer('cus_a'))!.payment_methods.find((method) => method.id === 'gift_cus_a')!.balance).toBe(7000);
    expect(await actions.settlements('NW-1')).toHaveLength(1);
  });

  it('applies one cancel out of 20 concurrent ones on one connection', async () => {
    const { actions, orders } = await seeded(await open());
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, (_, index) => actions.apply(cancelRequest('NW-2', 'cus_a', `c-${index}`))));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect((await orders.getCustomer('cus_a'))!.payment_methods.find((method) => method.id === 'gift_cus_a')!.balance).toBe(7000);
  });

  it('answers another customer\'s order like a missing one and rolls back a change whose balance would go negative', async () => {
    const storage = await open();
    const { actions, orders, audit } = await seeded(storage);
    await expect(actions.apply(cancelRequest('NW-3', 'cus_a', 'k1'))).rejects.toThrow(/not found/);
    const overdraw = cancelRequest('NW-1', 'cus_a', 'k2');
    const plan = overdraw.plan;
    overdraw.plan = (current, who) => {
      const base = plan(current, who);
      return { ...base, change: { ...base.change, balances: [{ method_id: 'gift_cus_a', delta: -999_999 }] } };
    };
    await expect(actions.apply(overdraw)).rejects.toThrow(/does not cover/);
    expect((await orders.getOrder('NW-1'))!.status).toBe('pending');
    expect(await actions.settlements('NW-1')).toEqual([]);
    expect(await audit.list({ subject_id: 'NW-1' })).toEqual([]);
    expect(await actions.previous('k2', 'cancel:NW-1')).toBeNull();
  });

  it('settles each pending entry once, even when two settlers answer at the same time', async () => {
    const storage = await open();
    const { actions, audit } = await seeded(storage);
    await actions.apply(cancelRequest('NW-1', 'cus_a', 'c1'));
    await actions.apply(cancelRequest('NW-3', 'cus_b', 'c3'));
    const pending = await actions.pendingSettlements();
    expect(pending.map((entry) => entry.order_number).sort()).toEqual(['NW-1', 'NW-3']);
    const [entry] = await actions.pendingSettlements('NW-1');
    const now = new Date('2026-11-02T11:00:00.000Z');
    await Promise.all([
      actions.recordSettlement(entry!.entry_id, { status: 'succeeded', provider: 'test', provider_ref: 're_1' }, now),
      actions.recordSettlement(entry!.entry_id, { status: 'failed', provider: 'test', message: 'late' }, now),
    ]);
    const [settled] = await actions.settlements('NW-1');
    expect(['succeeded', 'failed']).toContain(settled!.status);
    expect(settled!.attempts).toBe(1);
    expect(await audit.list({ subject_id: 'NW-1', action: `payment.refund.${settled!.status}` })).toHaveLength(1);
    expect(await actions.pendingSettlements('NW-1')).toEqual([]);
    if (settled!.status === 'succeeded') expect(await actions.providerRef(entry!.entry_id)).toBe('re_1');
    expect(await actions.providerRef('missing')).toBeNull();
  });

  it('updates the default address once per key and audits it', async () => {
    const storage = await open();
    const { actions, orders, audit } = await seeded(storage);
    const input = { customerId: 'cus_a', address: { name: 'Ana', line1: '9 New Rd', line2: '', city: 'Austin', region: 'TX', postal_code: '73301', country: 'US' }, actor: { kind: 'shopper' as const, id: 'cus_a' }, channel: 'test', now: new Date(), idempotencyKey: 'addr-1' };
    const [first, again] = await Promise.all([actions.updateDefaultAddress(input), actions.updateDefaultAddress(input)]);
    expect(again).toEqual(first);
    expect((await orders.getCustomer('cus_a'))!.addresses).toEqual([expect.objectContaining({ line1: '9 New Rd', default: true })]);
    expect(await audit.list({ action: 'customer.update_default_address' })).toHaveLength(1);
    expect(await actions.actionCount({ customerId: 'cus_a', action: 'update_default_address' })).toBe(1);
  });
});

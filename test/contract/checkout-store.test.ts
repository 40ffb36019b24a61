import { expect, it } from 'vitest';
import { CheckoutStore, checkoutMigrations, type CheckoutSession } from '../../src/checkout/index.ts';
import { acpMigrations } from '../../src/surfaces/acp/migrations.ts';
import { withTxParticipant } from '../../src/platform/index.ts';
import { onEveryDatabase } from '../helpers/databases.ts';

const NOW = Date.parse('2026-05-01T12:00:00Z');

function session(id: string, overrides: Partial<CheckoutSession> = {}): CheckoutSession {
  return {
    id, owner: 'agent', status: 'not_ready_for_payment', currency: 'usd', requested: [], line_items: [], buyer: null, contact: null, address: null,
    selected_option_id: null, discount_codes: [], applied_discounts: [], rejected_discounts: [], fulfillment_options: [],
    totals: { items_base_amount: 0, items_discount: 0, subtotal: 0, fulfillment: 0, tax: 0, total: 0 }, messages: [], order_notes: null, reserved: false,
    order: null, authentication: null, locale: null, interventions: [], created_at: '2026-05-01T12:00:00.000Z', updated_at: '2026-05-01T12:00:00.000Z',
    expires_at: '2026-05-01T18:00:00.000Z', version: 0, ...overrides,
  };
}

await onEveryDatabase('CheckoutStore contract', [...checkoutMigrations, ...acpMigrations], (open) => {
  it('writes only over the version it read: the second of two writers from one version loses', async () => {
    const store = new CheckoutStore((await open()).sql);
    const first = await store.insert(session('cs_1'));
    const saved = await store.save(first, { ...first, status: 'ready_for_payment' });
    expect(saved).toMatchObject({ status: 'ready_for_payment', version: 1 });
    expect(await store.save(first, { ...first, order_notes: 'late' })).toBeNull();
    expect(await store.get('cs_1')).toEqual(saved);
    expect(await store.statusOf('cs_1')).toBe('ready_for_payment');
    expect(await store.get('cs_missing')).toBeNull();
  });

  it('holds the per-session lock until it expires or is released', async () => {
    const store = new CheckoutStore((await open()).sql);
    await store.insert(session('cs_1'));
    expect(await store.lock('cs_1', NOW, 1000)).toBe(true);
    expect(await store.lock('cs_1', NOW + 500, 1000)).toBe(false);
    expect(await store.lock('cs_1', NOW + 1001, 1000)).toBe(true);
    await store.unlock('cs_1');
    expect(await store.lock('cs_1', NOW + 1002, 1000)).toBe(true);
  });

  it('claims once; a stale claim is taken over and keeps the first claim key', async () => {
    const store = new CheckoutStore((await open()).sql);
    const created = await store.insert(session('cs_1'));
    await store.save(created, { ...created, status: 'ready_for_payment' });
    const results = await Promise.all(['k1', 'k2', 'k3'].map((key) => store.claim('cs_1', key, NOW, 60_000)));
    const winners = results.filter((result) => result !== null);
    expect(winners).toHaveLength(1);
    expect(winners[0]).toMatchObject({ status: 'complete_in_progress', version: 2 });
    expect(await store.get('cs_1')).toEqual(winners[0]);
    const firstKey = await store.claimKeyOf('cs_1');
    expect(await store.claim('cs_1', 'k4', NOW + 30_000, 60_000)).toBeNull();
    const takeover = await store.claim('cs_1', 'k5', NOW + 61_000, 60_000);
    expect(takeover).toMatchObject({ status: 'complete_in_progress', version: 3 });
    expect(await store.claimKeyOf('cs_1')).toBe(firstKey);
    // A held lock blocks a claim.
    const other = await store.insert(session('cs_2'));
    await store.save(other, { ...other, status: 'ready_for_payment' });
    await store.lock('cs_2', NOW, 1000);
    expect(await store.claim('cs_2', 'k', NOW + 10, 60_000)).toBeNull();
  });

  it('finds a completed session by its order number, lists expired sessions and keeps reservations', async () => {
    const store = new CheckoutStore((await open()).sql);
    const created = await store.insert(session('cs_1'));
    const ready = (await store.save(created, { ...created, status: 'ready_for_payment' }))!;
    const claimed = (await store.claim('cs_1', 'k', NOW, 60_000))!;
    const order = { id: 'ord_AC-1', number: 'AC-1', charge_id: 'ch_1', created_at: ready.created_at, permalink_url: 'https://x/orders/AC-1' };
    await store.save(claimed, { ...claimed, status: 'completed', order }, 'order_created');
    expect((await store.findByOrderNumber('AC-1'))!.id).toBe('cs_1');
    expect(await store.findByOrderNumber('AC-2')).toBeNull();
    await store.insert(session('cs_old', { expires_at: '2026-05-01T10:00:00.000Z' }));
    expect(await store.expiredIds('2026-05-01T11:00:00.000Z')).toEqual(['cs_old']);
    await store.setReservations('cs_old', new Map([['v1', 2], ['v2', 0]]));
    expect([...(await store.reservations('cs_old'))]).toEqual([['v1', 2]]);
    await store.setReservations('cs_old', new Map());
    expect((await store.reservations('cs_old')).size).toBe(0);
  });

  it('commits the participant record with the final write, and neither when the write fails', async () => {
    const { sql } = await open();
    const store = new CheckoutStore(sql);
    const record = (key: string) => ({
      async onFinalWrite(result: unknown, tx: Parameters<Parameters<typeof sql.transaction>[0]>[0]) {
        await tx.run(`INSERT INTO acp_idempotency (scope, key, request_hash, state, status, body, started_at, expires_at) VALUES ('s', ?, 'h', 'done', 200, ?, 0, 1)`,
          [key, JSON.stringify(result)]);
      },
    });
    const keys = async () => (await sql.all<{ key: string }>('SELECT key FROM acp_idempotency ORDER BY key')).map((row) => row.key);
    const created = await store.insert(session('cs_1'));
    const saved = await withTxParticipant(record('ok'), () => store.save(created, { ...created, status: 'ready_for_payment' }));
    expect(await keys()).toEqual(['ok']);
    // A lost race (stale version) is not the effect: no record.
    expect(await withTxParticipant(record('stale'), () => store.save(created, { ...created, order_notes: 'x' }))).toBeNull();
    // A final write that throws after its update rolls back the session change and the record.
    await expect(withTxParticipant(record('boom'), () => store.save(saved!, { ...saved!, order_notes: 'x' }, undefined, async () => {
      throw new Error('boom');
    }))).rejects.toThrow('boom');
    // A participant that fails rolls the effect back with it.
    await expect(withTxParticipant({ onFinalWrite: async () => { throw new Error('record failed'); } }, () => store.save(saved!, { ...saved!, order_notes: 'y' })))
      .rejects.toThrow('record failed');
    expect(await keys()).toEqual(['ok']);
    expect(await store.get('cs_1')).toEqual(saved);
  });
});

import { expect, it } from 'vitest';
import { PgCatalogRepository, SqliteCatalogRepository, catalogMigrations, type CatalogRepository } from '../../src/catalog/index.ts';
import { CheckoutOutbox, CheckoutService, CheckoutStore, checkoutMigrations, type CheckoutSession } from '../../src/checkout/index.ts';
import { checkoutCatalog } from '../../src/flows/index.ts';
import type { Storage } from '../../src/platform/index.ts';
import { onEveryDatabase } from '../helpers/databases.ts';
import { otherProcess } from '../helpers/other-process.ts';
import { raceMerchant, tent, VT } from '../helpers/race-fixtures.ts';

const clock = { now: () => new Date() };
const catalogOf = (storage: Storage): CatalogRepository => (storage.sqlite ? new SqliteCatalogRepository(storage.sqlite) : new PgCatalogRepository(storage.pool!));
const serviceOn = (storage: Storage) => new CheckoutService(new CheckoutStore(storage.sql), checkoutCatalog(catalogOf(storage)), raceMerchant, clock);
const stockOf = async (storage: Storage) => (await catalogOf(storage).findVariant('tent-1'))!.variant.inventory;

// The "other process" is a worker thread with its own connection or pool on the same database.
await onEveryDatabase('Checkout races across two processes', [...catalogMigrations, ...checkoutMigrations], (open) => {
  it('concurrent sessions in two processes never hold more units than the stock', async () => {
    const storage = await open();
    await catalogOf(storage).upsertProducts([tent(5)], 'test');
    const other = await otherProcess(storage);
    const service = serviceOn(storage);
    const lines = [{ id: 'tent-1', quantity: 1 }];
    const [theirs, ours] = await Promise.all([
      other.run<Array<{ id: string; status: string }>>('create', { count: 12, lines, address: VT }),
      Promise.all(Array.from({ length: 12 }, () => service.create('agent', { lines, address: VT }))),
    ]);
    const ready = [...theirs, ...ours].filter((session) => session.status === 'ready_for_payment');
    const held = await storage.sql.get<{ n: number }>('SELECT COALESCE(SUM(quantity), 0) AS n FROM checkout_reservations');
    expect(ready).toHaveLength(5);
    expect(Number(held!.n)).toBe(5);
    expect(await stockOf(storage)).toBe(0);
    // Both processes cancel every ready session at once: each unit comes back exactly once.
    const ids = ready.map((session) => session.id);
    await Promise.all([other.run('cancel', { ids }), Promise.all(ids.map((id) => service.cancel(id).catch(() => null)))].map((work) => work.catch(() => null)));
    expect(await stockOf(storage)).toBe(5);
    expect(Number((await storage.sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM checkout_reservations'))!.n)).toBe(0);
  });

  it('a hold that fails after taking stock keeps nothing: units and reservation rows commit together', async () => {
    const storage = await open();
    await catalogOf(storage).upsertProducts([tent(5)], 'test');
    // The reservation write fails once, after the stock was taken (as a crash or a lost connection would).
    class FailingStore extends CheckoutStore {
      failures = 1;
      override async setReservations(...args: Parameters<CheckoutStore['setReservations']>): Promise<void> {
        if (args[1].size > 0 && this.failures-- > 0) throw new Error('connection lost');
        return super.setReservations(...args);
      }
    }
    const service = new CheckoutService(new FailingStore(storage.sql), checkoutCatalog(catalogOf(storage)), raceMerchant, clock);
    await expect(service.create('agent', { lines: [{ id: 'tent-1', quantity: 2 }], address: VT })).rejects.toThrow('connection lost');
    expect(await stockOf(storage)).toBe(5);
    expect(Number((await storage.sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM checkout_reservations'))!.n)).toBe(0);
    // The next attempt holds normally, and an update that changes nothing holds the same units.
    const session = await service.create('agent', { lines: [{ id: 'tent-1', quantity: 2 }], address: VT });
    expect(session.status).toBe('ready_for_payment');
    expect(await stockOf(storage)).toBe(3);
    expect((await service.update(session.id, { order_notes: 'leave at the door' })).status).toBe('ready_for_payment');
    expect(await stockOf(storage)).toBe(3);
    expect((await service.update(session.id, { lines: [{ id: 'tent-1', quantity: 1 }] })).status).toBe('ready_for_payment');
    expect(await stockOf(storage)).toBe(4);
  });

  it('two processes claiming one session: exactly one claim wins', async () => {
    const storage = await open();
    const store = new CheckoutStore(storage.sql);
    const other = await otherProcess(storage);
    const created = await serviceOn(storage).create('agent', { lines: [] });
    await store.save(created, { ...created, status: 'ready_for_payment' });
    const now = Date.now();
    const keys = Array.from({ length: 10 }, (_, index) => `k${index}`);
    const [theirs, ours] = await Promise.all([
      other.run<Array<CheckoutSession | null>>('claim', { id: created.id, keys, now }),
      Promise.all(keys.map((key) => store.claim(created.id, `our-${key}`, now, 60_000))),
    ]);
    expect([...theirs, ...ours].filter((claim) => claim !== null)).toHaveLength(1);
    expect(await store.statusOf(created.id)).toBe('complete_in_progress');
  });

  it('two processes leasing the outbox never get the same event; a failed event backs off', async () => {
    const storage = await open();
    const store = new CheckoutStore(storage.sql);
    const other = await otherProcess(storage);
    const owner = await serviceOn(storage).create('agent', { lines: [] });
    for (let index = 0; index < 40; index++) await store.enqueue('order_updated', owner);
    const outbox = new CheckoutOutbox(storage.sql);
    const now = Date.now() + 1000;
    const [theirs, ours] = await Promise.all([
      other.run<string[]>('lease', { times: 6, now, limit: 4 }),
      Promise.all(Array.from({ length: 6 }, () => outbox.lease(now, 60_000, 4))),
    ]);
    const ids = [...theirs, ...ours.flat().map((event) => event.id)];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(40);
    // Leased events are not handed out again until the lease ends.
    expect(await outbox.lease(now + 1, 60_000)).toEqual([]);
    await outbox.delivered(ids[0]!);
    await outbox.failed(ids[1]!, 0, 'HTTP 503', now + 60_000);
    expect(await outbox.pending()).toBe(39);
    // After the lease the others come back; the failed one waits out its backoff, then carries its attempt.
    const later = await outbox.lease(now + 60_001, 1000, 100);
    expect(later).toHaveLength(38);
    expect(later.map((event) => event.id)).not.toContain(ids[1]);
    const retried = await outbox.lease(now + 120_000, 1000, 100);
    expect(retried.find((event) => event.id === ids[1])).toMatchObject({ attempts: 1 });
  });
});

/**
 * The other side of a cross-process race (see other-process.ts): opens its own storage on the
 * database it is given and runs the repository calls it is asked for.
 */
import { dirname } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { PgCatalogRepository, SqliteCatalogRepository } from '../../src/catalog/index.ts';
import { CheckoutOutbox, CheckoutService, CheckoutStore } from '../../src/checkout/index.ts';
import { checkoutCatalog } from '../../src/flows/index.ts';
import { TestPaymentsProvider } from '../../src/payments/index.ts';
import { openStorage } from '../../src/platform/index.ts';
import { claimIdempotencyKey } from '../../src/surfaces/acp/idempotency.ts';
import { raceMerchant } from './race-fixtures.ts';

export type RaceTask = 'ready' | 'create' | 'cancel' | 'claim' | 'lease' | 'charge' | 'idempotency';

const target = workerData as { sqliteFile?: string; databaseUrl?: string };
const storage = target.sqliteFile ? openStorage({ dataDir: dirname(target.sqliteFile) }) : openStorage({ databaseUrl: target.databaseUrl!, dataDir: '', poolSize: 8 });
const catalog = storage.sqlite ? new SqliteCatalogRepository(storage.sqlite) : new PgCatalogRepository(storage.pool!);
const store = new CheckoutStore(storage.sql);
const service = new CheckoutService(store, checkoutCatalog(catalog), raceMerchant, { now: () => new Date() });
const outbox = new CheckoutOutbox(storage.sql);
const payments = new TestPaymentsProvider(storage.sql);

/* eslint-disable @typescript-eslint/no-explicit-any */
const tasks: Record<RaceTask, (args: any) => Promise<unknown>> = {
  ready: async () => true,
  create: async ({ count, lines, address }) => (await Promise.all(Array.from({ length: count }, () => service.create('agent', { lines, address }))))
    .map((session) => ({ id: session.id, status: session.status })),
  cancel: async ({ ids }) => Promise.all(ids.map(async (id: string) => (await service.cancel(id)).status)),
  claim: async ({ id, keys, now }) => Promise.all(keys.map((key: string) => store.claim(id, key, now, 60_000))),
  lease: async ({ times, now, limit }) => (await Promise.all(Array.from({ length: times }, () => outbox.lease(now, 60_000, limit)))).flat().map((event) => event.id),
  charge: async ({ requests }) => Promise.all(requests.map((request: any) => payments.charge(request))),
  idempotency: async ({ times, scope, key, hash, now }) => Promise.all(Array.from({ length: times }, () => claimIdempotencyKey(storage.sql, scope, key, hash, now))),
} as Record<RaceTask, (args: any) => Promise<unknown>>;

parentPort!.on('message', (message: { id: number; task: RaceTask; args: unknown }) => {
  tasks[message.task](message.args).then(
    (result) => parentPort!.postMessage({ id: message.id, result }),
    (error: unknown) => parentPort!.postMessage({ id: message.id, error: String((error as Error)?.stack ?? error) }),
  );
});

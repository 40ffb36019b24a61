import { afterAll, beforeAll } from 'vitest';
import { openPostgres, type PgPool } from '../../src/platform/index.ts';
import { startFakeStripe, type FakeStripe } from './fake-stripe.ts';
import { DEMO_MERCHANT, tempDir } from './paths.ts';
import { startReplica, type Replica } from './replica.ts';

export interface FaultRig {
  readonly stripe: FakeStripe;
  readonly db: PgPool;
  /** The running `shopkeeper serve` process (replaced by each start). */
  readonly server: Replica;
  start(): Promise<Replica>;
  count(sql: string, params?: unknown[]): Promise<number>;
}

/**
 * The fault tests' setup, registered on the calling describe block: a real `shopkeeper serve`
 * process on the given PostgreSQL database (dropped afterwards), paying through the Stripe adapter against a local fake
 * Stripe, and a pool to inspect the database. Everything is torn down after the block.
 */
export function useFaultRig(database: { url: string; drop: () => Promise<void> }, extraEnv: Record<string, string> = {}): FaultRig {
  const dir = tempDir();
  let stripe: FakeStripe | undefined;
  let db: PgPool | undefined;
  let server: Replica | undefined;
  let env: Record<string, string> = {};
  const rig: FaultRig = {
    get stripe() { return stripe!; },
    get db() { return db!; },
    get server() { return server!; },
    start: async () => (server = await startReplica(['--merchant', DEMO_MERCHANT, '--data', dir.path], env)),
    count: async (sql, params = []) => Number((await db!.query(sql, params)).rows[0].n),
  };
  beforeAll(async () => {
    stripe = await startFakeStripe({ secretKey: 'sk_test_faults' });
    env = { DATABASE_URL: database.url, SHOPKEEPER_SECRET: 'fault-test-shared-secret-0123456789abcdef', STRIPE_SECRET_KEY: 'sk_test_faults', STRIPE_API_BASE: stripe.url, ...extraEnv };
    db = openPostgres(database.url, { max: 2 });
    await rig.start();
  }, 120_000);
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await db?.end();
    await stripe?.close();
    await database.drop();
    dir.cleanup();
  });
  return rig;
}

import { openPostgres, type PgPool } from '../../../src/platform/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeStripe, type FakeStripe } from '../../helpers/fake-stripe.ts';
import { connectMcp } from '../../helpers/mcp.ts';
import { DEMO_MERCHANT, tempDir } from '../../helpers/paths.ts';
import { freshPostgresDatabase, POSTGRES_SKIP_REASON } from '../../helpers/postgres.ts';
import { startReplica, type Replica } from '../../helpers/replica.ts';

const database = await freshPostgresDatabase();
const REFUND = '/v1/refunds';
type Data = Record<string, unknown>;

/**
 * kill -9 of the server while a cancellation's card refund is at Stripe: the order change is
 * committed with its settlement pending; the restarted server's settlement sweep refunds it once
 * (same Stripe idempotency key), whether or not Stripe had processed the first request.
 */
describe.skipIf(!database)(`faults: kill -9 mid-refund${database ? '' : ` (skipped: ${POSTGRES_SKIP_REASON})`}`, () => {
  const dir = tempDir();
  let stripe: FakeStripe;
  let server: Replica | undefined;
  let db: PgPool;
  let env: Record<string, string>;
  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params)).rows[0].n);
  const start = async () => (server = await startReplica(['--merchant', DEMO_MERCHANT, '--data', dir.path], env));

  beforeAll(async () => {
    stripe = await startFakeStripe({ secretKey: 'sk_test_faults' });
    env = { DATABASE_URL: database!.url, SHOPKEEPER_SECRET: 'fault-test-shared-secret-0123456789abcdef', STRIPE_SECRET_KEY: 'sk_test_faults', STRIPE_API_BASE: stripe.url };
    db = openPostgres(database!.url, { max: 2 });
    await start();
  }, 120_000);

  afterAll(async () => {
    await server?.stop('SIGKILL');
    await db?.end();
    await stripe?.close();
    await database?.drop();
    dir.cleanup();
  });

  it.each([
    ['NW-10286', 'rachel.goldberg@example.org', 'drop', 'before Stripe refunded'],
    ['NW-10287', 'aisha.mohammed@example.com', 'process', 'after Stripe refunded'],
  ] as const)('cancel %s, kill -9 while its card refund is at Stripe (%s, %s): after restart, refunded once', async (number, email, fate, _when) => {
    const mcp = await connectMcp(server!.url, 'modern');
    const data = (result: { structuredContent?: unknown }) => result.structuredContent as Data;
    const token = data(await mcp.callTool({ name: 'verify_customer', arguments: { email, order_number: number } })).customer_token as string;
    const hold = stripe.holdNext('POST', REFUND);
    const cancelling = mcp.callTool({ name: 'cancel_order', arguments: { customer_token: token, order_number: number, reason: 'ordered by mistake', confirm: true, idempotency_key: `fault-cancel-${number}` } })
      .then(() => 'answered', () => 'connection lost');
    await hold.arrived;
    await server!.stop('SIGKILL');
    hold.release(fate);
    expect(await cancelling).toBe('connection lost');
    await mcp.close().catch(() => undefined);

    // The cancellation committed before the refund call: the order is cancelled, the refund pending.
    const settlement = (await db.query('SELECT entry_id, status FROM payment_settlements WHERE order_number = $1', [number])).rows;
    expect(settlement).toEqual([{ entry_id: expect.any(String), status: 'pending' }]);
    const key = `settle:${settlement[0].entry_id}`;
    const refunds = () => stripe.processed.filter((entry) => entry.path === REFUND && entry.key === key);
    expect(refunds()).toHaveLength(fate === 'process' ? 1 : 0);

    await start(); // the settlement sweep runs at start
    const deadline = Date.now() + 30_000;
    while ((await db.query('SELECT status FROM payment_settlements WHERE order_number = $1', [number])).rows[0].status === 'pending' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await db.query('SELECT status, provider FROM payment_settlements WHERE order_number = $1', [number])).rows).toEqual([{ status: 'succeeded', provider: 'stripe' }]);
    expect(refunds().filter((entry) => !entry.replayed && entry.status === 200)).toHaveLength(1); // one refund executed
    expect(refunds().filter((entry) => entry.replayed)).toHaveLength(fate === 'process' ? 1 : 0); // and, if Stripe had it, replayed
    expect(await count("SELECT count(*) AS n FROM audit_log WHERE subject_id = $1 AND action = 'order.cancel'", [number])).toBe(1);
    expect((await db.query('SELECT status FROM orders WHERE number = $1', [number])).rows[0].status).toBe('cancelled');
  }, 120_000);
});

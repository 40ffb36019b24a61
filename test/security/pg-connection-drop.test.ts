import { describe, expect, it } from 'vitest';
import { acpClient, type Body } from '../helpers/acp.ts';
import { useFaultRig } from '../helpers/fault-rig.ts';
import { freshPostgresDatabase, POSTGRES_SKIP_REASON } from '../helpers/postgres.ts';

const onPostgres = process.env.SHOPKEEPER_TEST_DATABASE === 'postgres';
const database = onPostgres ? await freshPostgresDatabase() : null;
const skipReason = !onPostgres ? 'runs on PostgreSQL only: SHOPKEEPER_TEST_DATABASE=postgres' : POSTGRES_SKIP_REASON;
const CLAIM_TIMEOUT_MS = 2_000;
const ADDRESS = { name: 'Drop Buyer', line_one: '12 Pine St', city: 'Burlington', state: 'VT', country: 'US', postal_code: '05401' };
const PAY = { payment_data: { handler_id: 'card_spt', instrument: { type: 'card', credential: { type: 'spt', token: 'spt_ok' } } } };
const CHARGE = '/v1/payment_intents';
const ROUNDS = 10;
const PER_ROUND = 3;

/**
 * Finding 4: PostgreSQL dropping the server's connections (failover, restart, an admin killing
 * backends) while checkouts run. A checked-out `pg` client that loses its socket emits 'error';
 * unhandled, that ended the whole process. Now the requests it served fail with a retryable
 * problem, the process stays up, and the same-key retries complete each payment exactly once.
 */
describe.skipIf(!database)(`security: dropped PostgreSQL connections${database ? '' : ` (skipped: ${skipReason})`}`, () => {
  const rig = useFaultRig(database!, { SHOPKEEPER_CHECKOUT_CLAIM_TIMEOUT_MS: String(CLAIM_TIMEOUT_MS) });
  const client = () => acpClient(rig.server.url, '2026-04-17');
  const dbName = () => new URL(database!.url).pathname.slice(1);
  const charges = (session: string) => rig.stripe.processed.filter((entry) => entry.method === 'POST' && entry.path === CHARGE && entry.key?.startsWith(`checkout:${session}:`) && entry.status === 200 && !entry.replayed);
  const refunds = (session: string) => rig.stripe.processed.filter((entry) => entry.method === 'POST' && entry.path === '/v1/refunds' && entry.status === 200 && entry.key?.startsWith(`checkout:${session}:`));
  /** Only this test's own database: other engineers' and tests' databases are never touched. */
  const killBackends = () => rig.db.query('SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [dbName()]);

  async function newSession(email: string, index: number): Promise<string> {
    // spt_ok allows up to $100.00 at the fake Stripe; several variants so stock lasts all rounds.
    const variants = (await rig.db.query("SELECT v.id FROM variants v JOIN products p ON p.id = v.product_id WHERE p.status = 'active' AND v.inventory > 10 AND v.requires_shipping AND v.price BETWEEN 1000 AND 8000 ORDER BY v.inventory DESC, v.id LIMIT 5")).rows;
    const variant = variants[index % variants.length].id as string;
    const created: Body = await client()('POST', '/checkout_sessions', { currency: 'usd', line_items: [{ id: variant, quantity: 1 }], capabilities: {}, buyer: { email }, fulfillment_details: { name: ADDRESS.name, address: ADDRESS } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.id as string;
  }

  /** /health (liveness) and a catalog read (which needs a working database connection) both answer. */
  async function health(): Promise<number> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const live = await fetch(`${rig.server.url}/health`).then((response) => response.status, () => 0);
      const reads = await fetch(`${rig.server.url}/api/products?q=sandal`).then((response) => response.status, () => 0);
      if (live === 200 && reads === 200) return 200;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return 0;
  }

  it(`${ROUNDS} rounds of pg_terminate_backend during checkouts: the process stays up, /health recovers, each payment completes once`, async () => {
    const sessions: Array<{ id: string; key: string }> = [];
    const failures: Body[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const batch = await Promise.all(Array.from({ length: PER_ROUND }, (_, index) => newSession(`drop-${round}-${index}@example.com`, round * PER_ROUND + index)));
      const completes = batch.map((id, index) => {
        const key = `drop-${round}-${index}`;
        sessions.push({ id, key });
        return client()('POST', `/checkout_sessions/${id}/complete`, PAY, { 'Idempotency-Key': key }).then((answer) => answer, () => null);
      });
      // Spread the kills over the checkout's transactions: some land in the claim, some in the order write.
      await new Promise((resolve) => setTimeout(resolve, (round * 7) % 40));
      await killBackends();
      for (const answer of await Promise.all(completes)) {
        expect(answer, 'the connection to the server was lost: the process died').not.toBeNull();
        if (answer!.status >= 500) failures.push(answer);
      }
      expect(rig.server.child.exitCode, 'the server process exited').toBeNull();
      expect(rig.server.child.signalCode).toBeNull();
      expect(await health()).toBe(200);
    }

    // The requests the drop cut off failed as a retryable 503 naming the cause, never a bare 500.
    for (const failure of failures) {
      expect(failure.status, JSON.stringify(failure.body)).toBe(503);
      expect(failure.body.message).toMatch(/database connection was lost/);
    }

    // Same-key retries until each session settles; a claim the drop orphaned is taken over after the claim timeout.
    const deadline = Date.now() + 60_000;
    for (const { id, key: firstKey } of sessions) {
      let done: Body;
      let key = firstKey;
      for (;;) {
        done = await client()('POST', `/checkout_sessions/${id}/complete`, PAY, { 'Idempotency-Key': key });
        if (done.status === 200 && done.body.status === 'completed') break;
        // The order write was cut off after the charge: refunded, session ready again. The same key
        // replays that answer, so the agent pays again with a new one, as it would.
        if (done.status === 200 && done.body.status === 'ready_for_payment') key = `${firstKey}-again-${Date.now()}`;
        if (Date.now() > deadline) {
          const orders = (await rig.db.query("SELECT number FROM orders WHERE number = (SELECT order_number FROM checkout_sessions WHERE id = $1)", [id])).rows;
          const row = (await rig.db.query('SELECT status, order_number, claim_key FROM checkout_sessions WHERE id = $1', [id])).rows[0];
          expect.fail(`${id} never completed: ${JSON.stringify({ row, orders, charges: charges(id).length, refunds: refunds(id).length, stripe: rig.stripe.processed.filter((entry) => entry.key?.startsWith(`checkout:${id}:`)).map((entry) => [entry.path, entry.status, entry.replayed, entry.key]), body: done.body.messages })}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const number = (await rig.db.query('SELECT order_number FROM checkout_sessions WHERE id = $1', [id])).rows[0].order_number as string;
      expect(await rig.count('SELECT count(*) AS n FROM orders WHERE number = $1', [number])).toBe(1);
      // At most one charge kept per session: a charge refunded by compensation is not a double charge.
      expect(charges(id).length - refunds(id).length, `${id}: ${JSON.stringify(charges(id))}`).toBe(1);
    }
    expect(rig.server.child.exitCode).toBeNull();
  }, 180_000);
});

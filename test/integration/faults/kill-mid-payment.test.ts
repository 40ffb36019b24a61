import { describe, expect, it } from 'vitest';
import { acpClient, type Body } from '../../helpers/acp.ts';
import { freshPostgresDatabase, POSTGRES_SKIP_REASON } from '../../helpers/postgres.ts';
import { useFaultRig } from '../../helpers/fault-rig.ts';

const database = await freshPostgresDatabase();
const CLAIM_TIMEOUT_MS = 12_000;
const ADDRESS = { name: 'Fault Buyer', line_one: '12 Pine St', city: 'Burlington', state: 'VT', country: 'US', postal_code: '05401' };
// spt_ok allows up to $100.00 at the fake Stripe: the variant picked stays below with tax.
const PAY = { payment_data: { handler_id: 'card_spt', instrument: { type: 'card', credential: { type: 'spt', token: 'spt_ok' } } } };
const CHARGE = '/v1/payment_intents';

/**
 * kill -9 of the server in the middle of a checkout's payment, and a Stripe that fails: every
 * session ends completed with one charge and one order, or uncharged and retryable. The server is
 * a real `shopkeeper serve` process on PostgreSQL, paying through the Stripe adapter against a
 * local fake Stripe that can hold a charge request while the server is killed.
 */
describe.skipIf(!database)(`faults: kill -9 mid-payment, failing provider${database ? '' : ` (skipped: ${POSTGRES_SKIP_REASON})`}`, () => {
  const rig = useFaultRig(database!, { SHOPKEEPER_CHECKOUT_CLAIM_TIMEOUT_MS: String(CLAIM_TIMEOUT_MS) });
  const client = () => acpClient(rig.server.url, '2026-04-17');
  /** Charges Stripe executed for this session (a replay of an idempotency key is not a charge). */
  const charges = (session: string) => rig.stripe.processed.filter((entry) => entry.method === 'POST' && entry.path === CHARGE && entry.key?.startsWith(`checkout:${session}:`) && entry.status === 200 && !entry.replayed);
  const replays = (session: string) => rig.stripe.processed.filter((entry) => entry.path === CHARGE && entry.key?.startsWith(`checkout:${session}:`) && entry.replayed);

  async function newSession(email: string): Promise<string> {
    const variant = (await rig.db.query("SELECT v.id FROM variants v JOIN products p ON p.id = v.product_id WHERE p.status = 'active' AND v.inventory > 20 AND v.requires_shipping AND v.price BETWEEN 1000 AND 8000 ORDER BY v.id LIMIT 1")).rows[0].id as string;
    const created: Body = await client()('POST', '/checkout_sessions', { currency: 'usd', line_items: [{ id: variant, quantity: 1 }], capabilities: {}, buyer: { email }, fulfillment_details: { name: ADDRESS.name, address: ADDRESS } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.status).toBe('ready_for_payment');
    return created.body.id as string;
  }

  /** Starts a complete whose charge request the fake holds, kills the server once it is held, then lets the fake drop or execute it. */
  async function killMidCharge(session: string, key: string, fate: 'drop' | 'process'): Promise<number> {
    const hold = rig.stripe.holdNext('POST', CHARGE);
    const inFlight = client()('POST', `/checkout_sessions/${session}/complete`, PAY, { 'Idempotency-Key': key }).then(() => 'answered', () => 'connection lost');
    await hold.arrived;
    const claimedAt = Number((await rig.db.query('SELECT claimed_at FROM checkout_sessions WHERE id = $1', [session])).rows[0].claimed_at);
    await rig.server.stop('SIGKILL');
    hold.release(fate);
    expect(await inFlight).toBe('connection lost');
    return claimedAt;
  }

  /** The agent's same-key retry after the restart, until the dead request's traces have expired. */
  async function retryAfterRestart(session: string, key: string, claimedAt: number): Promise<Body> {
    await rig.start();
    const retry = () => client()('POST', `/checkout_sessions/${session}/complete`, PAY, { 'Idempotency-Key': key });
    const blocked: Body = await retry();
    expect(blocked.status).toBe(409); // the dead request still holds the Idempotency-Key (60 s window)...
    expect(blocked.body.code).toBe('idempotency_in_flight');
    // ...which this stands in for waiting out (the key's abandoned window is not what is under test).
    await rig.db.query('UPDATE acp_idempotency SET started_at = started_at - 60000 WHERE key = $1', [key]);
    expect(Date.now()).toBeLessThan(claimedAt + CLAIM_TIMEOUT_MS); // else the next answer proves nothing
    const early: Body = await retry();
    expect(early.status).toBe(200);
    expect(early.body.status).toBe('complete_in_progress'); // the payment may be under way: no second charge
    await new Promise((resolve) => setTimeout(resolve, claimedAt + CLAIM_TIMEOUT_MS + 200 - Date.now()));
    return retry();
  }

  async function expectOneOrder(session: string, done: Body): Promise<void> {
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.status, JSON.stringify(done.body.messages)).toBe('completed');
    expect(done.body.order.id).toBeTruthy();
    const number = (await rig.db.query('SELECT order_number FROM checkout_sessions WHERE id = $1', [session])).rows[0].order_number as string;
    expect(await rig.count('SELECT count(*) AS n FROM orders WHERE number = $1', [number])).toBe(1);
    expect(await rig.count("SELECT count(*) AS n FROM checkout_outbox WHERE session_id = $1 AND type = 'order_created'", [session])).toBe(1);
    const again: Body = await client()('GET', `/checkout_sessions/${session}`);
    expect(again.body.status).toBe('completed');
    expect(again.body.order.id).toBe(done.body.order.id);
  }

  it('kill -9 before Stripe charged: in progress until the claim times out, then the same-key retry charges once and orders once', async () => {
    const session = await newSession('fault-dropped@example.com');
    const claimedAt = await killMidCharge(session, 'fault-dropped-1', 'drop');
    expect(charges(session)).toHaveLength(0);
    const done = await retryAfterRestart(session, 'fault-dropped-1', claimedAt);
    await expectOneOrder(session, done);
    expect(charges(session)).toHaveLength(1);
  }, 120_000);

  it('kill -9 after Stripe charged: the retry gets the same PaymentIntent replayed, one charge, one order', async () => {
    const session = await newSession('fault-charged@example.com');
    const claimedAt = await killMidCharge(session, 'fault-charged-1', 'process');
    expect(charges(session)).toHaveLength(1); // Stripe charged; the server never heard
    const done = await retryAfterRestart(session, 'fault-charged-1', claimedAt);
    await expectOneOrder(session, done);
    expect(charges(session)).toHaveLength(1);
    expect(replays(session).length).toBeGreaterThanOrEqual(1);
    expect(charges(session)[0]!.key).toBe(replays(session).at(-1)!.key); // the takeover kept the first claim's Stripe key
  }, 120_000);

  it('a Stripe 500 that the SDK retries through completes with one charge', async () => {
    const session = await newSession('fault-500-once@example.com');
    rig.stripe.failNext('POST', CHARGE, 500);
    const done: Body = await client()('POST', `/checkout_sessions/${session}/complete`, PAY, { 'Idempotency-Key': 'fault-500-once' });
    await expectOneOrder(session, done);
    expect(charges(session)).toHaveLength(1);
  }, 60_000);

  it.each([
    ['before charging', false],
    ['after charging', true],
  ])('Stripe answering 500 to every try (%s): the agent gets a retryable 500, the same-key retry completes at once with one charge', async (_title, processed) => {
    const session = await newSession(`fault-500-${processed}@example.com`);
    rig.stripe.failNext('POST', CHARGE, 500, 3, processed); // the SDK tries 3 times (maxNetworkRetries 2)
    const failed: Body = await client()('POST', `/checkout_sessions/${session}/complete`, PAY, { 'Idempotency-Key': `fault-500-${processed}` });
    expect(failed.status, JSON.stringify(failed.body)).toBe(500);
    expect(failed.body.message).toMatch(/Retry with the same Idempotency-Key/);
    expect(charges(session)).toHaveLength(processed ? 1 : 0);
    expect((await client()('GET', `/checkout_sessions/${session}`)).body.status).toBe('complete_in_progress');
    const done: Body = await client()('POST', `/checkout_sessions/${session}/complete`, PAY, { 'Idempotency-Key': `fault-500-${processed}` });
    await expectOneOrder(session, done);
    expect(charges(session)).toHaveLength(1);
  }, 60_000);
});

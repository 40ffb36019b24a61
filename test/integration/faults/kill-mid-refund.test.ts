import { describe, expect, it } from 'vitest';
import { connectMcp } from '../../helpers/mcp.ts';
import { freshPostgresDatabase, POSTGRES_SKIP_REASON } from '../../helpers/postgres.ts';
import { useFaultRig } from '../../helpers/fault-rig.ts';

const database = await freshPostgresDatabase();
const REFUND = '/v1/refunds';
type Data = Record<string, unknown>;

/**
 * kill -9 of the server while a cancellation's card refund is at Stripe: the order change is
 * committed with its settlement pending; the restarted server's settlement sweep refunds it once
 * (same Stripe idempotency key), whether or not Stripe had processed the first request.
 */
describe.skipIf(!database)(`faults: kill -9 mid-refund${database ? '' : ` (skipped: ${POSTGRES_SKIP_REASON})`}`, () => {
  const rig = useFaultRig(database!);

  it.each([
    ['NW-10286', 'rachel.goldberg@example.org', 'drop', 'before Stripe refunded'],
    ['NW-10287', 'aisha.mohammed@example.com', 'process', 'after Stripe refunded'],
  ] as const)('cancel %s, kill -9 while its card refund is at Stripe (%s, %s): after restart, refunded once', async (number, email, fate, _when) => {
    const mcp = await connectMcp(rig.server.url, 'modern');
    const data = (result: { structuredContent?: unknown }) => result.structuredContent as Data;
    const token = data(await mcp.callTool({ name: 'verify_customer', arguments: { email, order_number: number } })).customer_token as string;
    const hold = rig.stripe.holdNext('POST', REFUND);
    const cancelling = mcp.callTool({ name: 'cancel_order', arguments: { customer_token: token, order_number: number, reason: 'ordered by mistake', confirm: true, idempotency_key: `fault-cancel-${number}` } })
      .then(() => 'answered', () => 'connection lost');
    await hold.arrived;
    await rig.server.stop('SIGKILL');
    hold.release(fate);
    expect(await cancelling).toBe('connection lost');
    await mcp.close().catch(() => undefined);

    // The cancellation committed before the refund call: the order is cancelled, the refund pending.
    const settlement = (await rig.db.query('SELECT entry_id, status FROM payment_settlements WHERE order_number = $1', [number])).rows;
    expect(settlement).toEqual([{ entry_id: expect.any(String), status: 'pending' }]);
    const key = `settle:${settlement[0].entry_id}`;
    const refunds = () => rig.stripe.processed.filter((entry) => entry.path === REFUND && entry.key === key);
    expect(refunds()).toHaveLength(fate === 'process' ? 1 : 0);

    await rig.start(); // the settlement sweep runs at start
    const deadline = Date.now() + 30_000;
    while ((await rig.db.query('SELECT status FROM payment_settlements WHERE order_number = $1', [number])).rows[0].status === 'pending' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await rig.db.query('SELECT status, provider FROM payment_settlements WHERE order_number = $1', [number])).rows).toEqual([{ status: 'succeeded', provider: 'stripe' }]);
    expect(refunds().filter((entry) => !entry.replayed && entry.status === 200)).toHaveLength(1); // one refund executed
    expect(refunds().filter((entry) => entry.replayed)).toHaveLength(fate === 'process' ? 1 : 0); // and, if Stripe had it, replayed
    expect(await rig.count("SELECT count(*) AS n FROM audit_log WHERE subject_id = $1 AND action = 'order.cancel'", [number])).toBe(1);
    expect((await rig.db.query('SELECT status FROM orders WHERE number = $1', [number])).rows[0].status).toBe('cancelled');
  }, 120_000);
});

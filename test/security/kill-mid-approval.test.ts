import { describe, expect, it } from 'vitest';
import { finishApprovedHeldActions, runOrderAction } from '../../src/flows/index.ts';
import { ConsoleClient } from '../helpers/console-client.ts';
import { runCli } from '../helpers/cli.ts';
import { useFaultRig } from '../helpers/fault-rig.ts';
import { connectMcp } from '../helpers/mcp.ts';
import { DEMO_MERCHANT, tempDir } from '../helpers/paths.ts';
import { freshPostgresDatabase, POSTGRES_SKIP_REASON } from '../helpers/postgres.ts';
import { startTestServer } from '../helpers/server.ts';
import { holdDemoRefund } from '../helpers/support-scenarios.ts';

const database = await freshPostgresDatabase();
const SECRET = 'fault-test-shared-secret-0123456789abcdef';
type Data = Record<string, unknown>;

/**
 * Finding 10: kill -9 of the server in the middle of a console approval left the held action
 * "approved" forever. Each window is held open with a PostgreSQL lock the test owns, the real
 * `serve` process is killed inside it, and after a restart the held action is executed exactly
 * once or still awaiting a decision (and then approvable), never stuck "approved".
 */
describe.skipIf(!database)(`kill -9 mid-approval${database ? '' : ` (skipped: ${POSTGRES_SKIP_REASON})`}`, () => {
  const rig = useFaultRig(database!);
  const held = async (id: string) => (await rig.db.query('SELECT status FROM held_actions WHERE id = $1', [id])).rows[0].status as string;
  const returns = () => rig.count("SELECT count(*) AS n FROM audit_log WHERE subject_id = 'NW-10213' AND action = 'order.return'");
  /** Holds `lock` in an open transaction, approves in the console, kills the server once it waits on the lock. */
  async function killWhileApproving(agent: ConsoleClient, escalationId: string, lock: string): Promise<void> {
    const blocker = await rig.db.connect();
    await blocker.query('BEGIN');
    await blocker.query(lock);
    const approving = agent.post(`/console/escalations/${escalationId}/approve`).then(() => 'answered', () => 'connection lost');
    const deadline = Date.now() + 30_000;
    while (await rig.count("SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()") === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    await rig.server.stop('SIGKILL');
    expect(await approving).toBe('connection lost');
    await blocker.query('ROLLBACK');
    blocker.release();
  }

  it('a held refund approved in the console ends executed once across two kills, never stuck approved', async () => {
    const mcp = await connectMcp(rig.server.url, 'modern');
    const data = (result: { structuredContent?: unknown }) => result.structuredContent as Data;
    const token = data(await mcp.callTool({ name: 'verify_customer', arguments: { email: 'daniel.okafor@example.com', order_number: 'NW-10213' } })).customer_token as string;
    const order = data(await mcp.callTool({ name: 'get_order', arguments: { customer_token: token, order_number: 'NW-10213' } }));
    const items = order.items as Array<{ item_id: string }>;
    const payments = order.payments as Array<{ payment_method_id: string }>;
    const hold = data(await mcp.callTool({ name: 'return_items', arguments: { customer_token: token, order_number: 'NW-10213', item_ids: [items[0]!.item_id], payment_method_id: payments[0]!.payment_method_id, confirm: true } }));
    await mcp.close();
    expect(hold.status).toBe('held');
    const heldId = hold.held_action_id as string;
    const escalationId = hold.escalation_id as string;

    const dir = tempDir();
    const added = await runCli(['agents', 'add', 'sam@northwind.example', '--password-stdin', '--merchant', DEMO_MERCHANT, '--data', dir.path], { DATABASE_URL: database!.url, SHOPKEEPER_SECRET: SECRET }, 'correct horse battery staple\n');
    dir.cleanup();
    expect(added.code).toBe(0);
    const signIn = async () => {
      const agent = new ConsoleClient(rig.server.url);
      expect((await agent.signIn('sam@northwind.example', 'correct horse battery staple')).status).toBe(303);
      return agent;
    };

    // 1. Killed while the change waits for the order: nothing changed, so the request is still to decide.
    await killWhileApproving(await signIn(), escalationId, "SELECT number FROM orders WHERE number = 'NW-10213' FOR UPDATE");
    await rig.start();
    expect(await held(heldId)).toBe('pending');
    expect(await returns()).toBe(0);

    // 2. Killed after the change committed, while its settlement runs: executed, exactly once.
    await killWhileApproving(await signIn(), escalationId, 'LOCK TABLE payment_settlements IN ACCESS EXCLUSIVE MODE');
    await rig.start();
    expect(await held(heldId)).toBe('executed');
    expect(await returns()).toBe(1);
    expect((await rig.db.query('SELECT status FROM escalations WHERE id = $1', [escalationId])).rows[0].status).toBe('resolved');
    expect((await rig.db.query("SELECT status FROM orders WHERE number = 'NW-10213'")).rows[0].status).toBe('return_requested');

    // Approving again is refused; nothing runs twice.
    const again = await (await signIn()).post(`/console/api/escalations/${escalationId}/approve`);
    expect(again.status).toBe(409);
    expect(await returns()).toBe(1);
  }, 180_000);
});

/** Rows an earlier version left "approved" (it committed the decision before executing) are finished by the sweep. */
describe('held actions left approved by an earlier version', () => {
  it('the sweep marks them executed when the change exists, failed when it never happened', async () => {
    const server = await startTestServer();
    try {
      const { runtime } = server;
      const agent = { actor: { kind: 'support_agent' as const, id: 'agent-7' }, channel: 'console' };
      const held = await holdDemoRefund(runtime);
      const stored = (await runtime.escalations.getHeld(held.held_action_id))!;
      const longAgo = { ...agent, now: new Date(Date.now() - 10 * 60_000) };
      await runtime.escalations.transitionHeld(stored.id, 'pending', 'approved', longAgo);
      expect(await finishApprovedHeldActions(runtime)).toBe(1);
      expect((await runtime.escalations.getHeld(stored.id))!.status).toBe('failed');
      expect((await runtime.orders.getOrder('NW-10213'))!.status).toBe('delivered');

      // The same, but the old version had executed the change before it died.
      await runtime.sql.run("UPDATE held_actions SET status = 'approved' WHERE id = ?", [stored.id]);
      const now = Math.floor(Date.now() / 1000);
      const token = runtime.customerTokens.sign({ sub: stored.customer_id, iat: now, exp: now + 300 });
      await runOrderAction(runtime, agent, 'return', { ...stored.input, customer_token: token, order_number: stored.order_number, confirm: true }, { approved: true, keyOverride: `held:${stored.id}` });
      expect(await finishApprovedHeldActions(runtime)).toBe(1);
      expect((await runtime.escalations.getHeld(stored.id))!.status).toBe('executed');
      expect((await runtime.escalations.get(held.escalation_id))!.status).toBe('resolved');
    } finally {
      await server.stop();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleClient } from '../helpers/console-client.ts';
import { runCli } from '../helpers/cli.ts';
import { DEMO_MERCHANT } from '../helpers/paths.ts';
import { startTestServer } from '../helpers/server.ts';
import { callTool, holdDemoRefund } from '../helpers/support-scenarios.ts';

/**
 * Finding 11: no surface could mark a return parcel as received, so return refunds and exchange
 * differences never settled. The console (signed in, CSRF-protected) and the CLI now can; the
 * refund settles once whatever the replays, and the audit log says who and when.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let agent: ConsoleClient;
let agentId: string;

beforeAll(async () => {
  server = await startTestServer();
  agentId = (await server.runtime.accounts.add('sam@northwind.example', 'agent', 'correct horse battery staple')).id;
  agent = new ConsoleClient(server.url);
  expect((await agent.signIn('sam@northwind.example', 'correct horse battery staple')).status).toBe(303);
});
afterAll(() => server.stop());

const refunds = async (order: string) => (await server.runtime.orderActions.settlements(order)).filter((entry) => entry.kind === 'refund');
const receipts = async (order: string) => (await server.runtime.audit.list({ subject_type: 'order', subject_id: order })).filter((entry) => entry.action === 'order.receive_return');

describe('marking a return parcel received', { timeout: 120_000 }, () => {
  it('through the console: refused without a session or CSRF token, then settles the refund once and audits the agent', async () => {
    const held = await holdDemoRefund(server.runtime);
    expect((await agent.post(`/console/escalations/${held.escalation_id}/approve`)).status).toBe(303);
    expect((await server.runtime.orders.getOrder('NW-10213'))!.status).toBe('return_requested');
    const page = await (await agent.request(`/console/escalations/${held.escalation_id}`)).text();
    expect(page).toContain(`action="/console/escalations/${held.escalation_id}/receive"`);

    const anonymous = await fetch(`${server.url}/console/api/escalations/${held.escalation_id}/receive`, { method: 'POST' });
    expect(anonymous.status).toBe(401);
    const forged = await agent.request(`/console/escalations/${held.escalation_id}/receive`, { method: 'POST', form: { _csrf: 'not-the-token' } });
    expect(forged.status).toBe(403);
    expect((await server.runtime.orders.getOrder('NW-10213'))!.request?.received_at).toBeFalsy();

    const received = await agent.post(`/console/escalations/${held.escalation_id}/receive`);
    expect(received.status).toBe(303);
    expect(decodeURIComponent(received.headers.get('location')!)).toContain('RMA-NW-10213 received');
    const again = await agent.request(`/console/api/escalations/${held.escalation_id}/receive`, { method: 'POST', headers: { 'x-csrf-token': agent.csrf } });
    expect(again.status).toBe(200);

    expect((await server.runtime.orders.getOrder('NW-10213'))!.request?.received_at).toBeTruthy();
    expect(await refunds('NW-10213')).toEqual([expect.objectContaining({ status: 'succeeded' })]);
    expect(await receipts('NW-10213')).toEqual([expect.objectContaining({ actor: { kind: 'support_agent', id: agentId }, channel: 'console', at: expect.any(String) })]);
  });

  it('through the CLI: `shopkeeper returns receive RMA-…` settles once; a replay changes nothing', async () => {
    const { customer_token } = await callTool<{ customer_token: string }>(server.runtime, 'verify_customer', { email: 'maya.lefebvre@example.com', order_number: 'NW-10187' });
    const order = (await server.runtime.orders.getOrder('NW-10187'))!;
    const done = await callTool<{ status: string }>(server.runtime, 'return_items', { customer_token, order_number: 'NW-10187', item_ids: [order.line_items[0]!.id], payment_method_id: order.payments[0]!.method_id, confirm: true });
    expect(done.status).toBe('done');

    const { config } = server.runtime;
    const env: Record<string, string> = config.databaseUrl ? { DATABASE_URL: config.databaseUrl, SHOPKEEPER_SECRET: 'test-secret-shared-by-replicas-0123456789' } : {};
    const cli = (args: string[]) => runCli([...args, '--merchant', DEMO_MERCHANT, '--data', config.dataDir], env);
    const first = await cli(['returns', 'receive', 'RMA-NW-10187', '--by', 'sam@northwind.example']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('RMA-NW-10187 received');
    const replay = await cli(['returns', 'receive', 'RMA-NW-10187', '--by', 'sam@northwind.example', '--json']);
    expect(replay.code).toBe(0);
    expect(JSON.parse(replay.stdout)).toMatchObject({ replayed: true });
    const unknown = await cli(['returns', 'receive', 'RMA-NW-99999']);
    expect(unknown.code).not.toBe(0);

    const settled = (await refunds('NW-10187')).filter((entry) => entry.status === 'succeeded');
    expect(settled).toHaveLength(1);
    expect(await receipts('NW-10187')).toEqual([expect.objectContaining({ actor: { kind: 'support_agent', id: agentId }, channel: 'cli' })]);
  });
});

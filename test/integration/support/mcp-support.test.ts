import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMcp } from '../../helpers/mcp.ts';
import { DEMO_MERCHANT } from '../../helpers/paths.ts';
import { startTestServer } from '../../helpers/server.ts';

type DemoOrder = { number: string; customer_id: string; status: string; fulfillments: Array<{ delivered_at?: string }>; line_items: Array<{ id: string }>; payments: Array<{ method_id: string }> };
const orders = JSON.parse(readFileSync(join(DEMO_MERCHANT, 'orders/orders.json'), 'utf8')) as DemoOrder[];
const customers = JSON.parse(readFileSync(join(DEMO_MERCHANT, 'orders/customers.json'), 'utf8')) as Array<{ id: string; email: string }>;
const idOf = (email: string) => customers.find((customer) => customer.email === email)!.id;
// The demo fixtures (scripts/demo/README.md): a cancellable pending order, and an order delivered long ago.
const pending = orders.find((order) => order.customer_id === idOf('priya.raman@example.net') && order.status === 'pending')!;
// Daniel's fixture order was delivered 51 days before the demo's "today" (2026-11-28): 2026-10-08.
const late = orders.find((order) => order.customer_id === idOf('daniel.okafor@example.com') && order.status === 'delivered' && order.fulfillments[0]?.delivered_at?.startsWith('2026-10-08'))!;

let server: Awaited<ReturnType<typeof startTestServer>>;
let client: Awaited<ReturnType<typeof connectMcp>>;
beforeAll(async () => {
  server = await startTestServer();
  client = await connectMcp(server.url, 'modern');
});
afterAll(async () => {
  await client.close();
  await server.stop();
});

const call = async (name: string, args: Record<string, unknown>) => {
  const result = await client.callTool({ name, arguments: args });
  return { isError: Boolean(result.isError), text: (result.content as Array<{ text: string }>)[0]!.text, data: result.structuredContent as Record<string, unknown> };
};

describe('support tools over MCP on the demo merchant', () => {
  it('lists the support tools with their annotations', async () => {
    const { tools } = await client.listTools();
    const byName = new Map(tools.map((tool) => [tool.name, tool]));
    expect(byName.get('get_order')?.annotations).toMatchObject({ readOnlyHint: true });
    expect(byName.get('cancel_order')?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false });
    expect(byName.get('cancel_order')?.description).toMatch(/Arguments:[\s\S]*- confirm \(optional\)/);
    for (const name of ['verify_customer', 'list_orders', 'modify_order_address', 'modify_order_payment', 'modify_order_items', 'update_default_address', 'return_items', 'exchange_items', 'escalate_to_human', 'get_customer']) expect(byName.has(name), name).toBe(true);
  });

  it('verifies, previews and cancels a pending demo order', async () => {
    const verified = await call('verify_customer', { email: 'priya.raman@example.net', order_number: pending.number });
    expect(verified.isError).toBe(false);
    const token = verified.data.customer_token as string;
    const preview = await call('cancel_order', { customer_token: token, order_number: pending.number, reason: 'no longer needed' });
    expect(preview.text).toMatch(/^Preview: Cancel order/);
    const done = await call('cancel_order', { customer_token: token, order_number: pending.number, reason: 'no longer needed', confirm: true });
    expect(done.data).toMatchObject({ status: 'done', order: { status: 'cancelled' } });
  });

  it('refuses a late return naming the rule and citing the article, and never leaks another customer\'s order', async () => {
    const token = (await call('verify_customer', { email: 'daniel.okafor@example.com', order_number: late.number })).data.customer_token as string;
    const refused = await call('return_items', { customer_token: token, order_number: late.number, item_ids: [late.line_items[0]!.id], payment_method_id: late.payments[0]!.method_id });
    expect(refused.isError).toBe(true);
    expect(refused.text).toMatch(/return window[\s\S]*Policy rule returns\.window_days\.\w+; see "Returns and refunds" \(https:\/\/northwind-trail\.example\/help\/returns-and-refunds\)/);
    const foreign = await call('get_order', { customer_token: token, order_number: pending.number });
    expect(foreign).toMatchObject({ isError: true, text: expect.stringMatching(/not found/) });
  });
});

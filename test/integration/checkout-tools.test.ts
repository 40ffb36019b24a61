import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOOLS, findTool, type ToolContext } from '../../src/tools/index.ts';
import { runCli } from '../helpers/cli.ts';
import { TEA_SHOP, tempDir } from '../helpers/paths.ts';
import { startTestServer } from '../helpers/server.ts';
import { HAVE_SPECS, QC_ADDRESS, schemaErrors } from '../helpers/acp.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ merchant: TEA_SHOP });
});
afterAll(() => server?.stop());

const call = async (name: string, input: Record<string, unknown>) => {
  const tool = findTool(name)!;
  const context: ToolContext = { services: server.runtime, channel: 'test', actor: { kind: 'assistant', id: 'test' } };
  return tool.output.parse(await tool.execute(context, tool.input.parse(input))) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
};

describe('checkout tools', () => {
  it('are registered with honest annotations', () => {
    const names = TOOLS.map((tool) => tool.name);
    expect(names).toEqual(expect.arrayContaining(['create_checkout', 'update_checkout', 'get_checkout', 'complete_checkout', 'cancel_checkout']));
    expect(findTool('get_checkout')!.annotations.readOnlyHint).toBe(true);
    expect(findTool('complete_checkout')!.annotations).toMatchObject({ destructiveHint: true, idempotentHint: true, openWorldHint: false });
  });

  it('create -> update -> preview -> complete places an order over the same core as ACP', async () => {
    const created = await call('create_checkout', { items: [{ id: 'HL-SEN-50', quantity: 2 }], email: 'tools@example.com', address: QC_ADDRESS });
    expect(created.status).toBe('ready_for_payment');
    expect(created.continue_url).toMatch(new RegExp(`/checkout/${created.id}$`));
    const updated = await call('update_checkout', { checkout_id: created.id, items: [{ id: 'HL-SEN-50', quantity: 5 }], discount_code: 'NOPE' });
    expect(updated.totals.items_base_amount).toBe(5 * 1450);
    expect(updated.messages.some((message: { code?: string }) => message.code === 'discount_code_invalid')).toBe(true);
    const preview = await call('complete_checkout', { checkout_id: created.id, payment_token: 'spt_test_visa', request_id: 'r1' });
    expect(preview.charged).toBe(false);
    const paid = await call('complete_checkout', { checkout_id: created.id, payment_token: 'spt_test_visa', request_id: 'r1', confirm: true });
    expect(paid).toMatchObject({ charged: true, status: 'completed' });
    expect(await server.runtime.orders.getOrder(paid.order.number)).not.toBeNull();
    // A later change to the order (support action) queues an order_updated webhook.
    const before = await server.runtime.checkoutOutbox.pending();
    expect(await server.runtime.checkoutPayments.orderUpdated(paid.order.number)).toBe(true);
    expect(await server.runtime.checkoutPayments.orderUpdated('NW-00000')).toBe(false);
    expect(await server.runtime.checkoutOutbox.pending()).toBe(before + 1);
    const other = await call('create_checkout', { items: [{ id: 'HL-SEN-50' }] });
    expect((await call('cancel_checkout', { checkout_id: other.id })).status).toBe('canceled');
    expect((await call('get_checkout', { checkout_id: other.id })).status).toBe('canceled');
  });
});

describe('shopkeeper feed', () => {
  it('prints the catalog as ACP feed JSONL', async () => {
    const data = tempDir();
    try {
      const result = await runCli(['feed', '--format', 'jsonl', '--merchant', TEA_SHOP, '--data', data.path]);
      expect(result.code, result.stderr).toBe(0);
      const products = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
      expect(products.map((product) => product.id)).toContain('sencha-kagoshima');
      if (HAVE_SPECS) for (const product of products) expect(schemaErrors('2026-04-17', 'Product', product, 'schema.feed.json')).toEqual([]);
    } finally {
      data.cleanup();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMcp, type Era } from '../../helpers/mcp.ts';
import { startTestServer } from '../../helpers/server.ts';

/*
 * The two journeys a shopper takes through an assistant, end to end against the demo merchant
 * with the real SDK client: search -> question -> checkout -> pay, and verify -> order -> return.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ env: { SHOPKEEPER_NOW: '2026-11-28T12:00:00Z' } });
});
afterAll(() => server.stop());

type Structured = Record<string, unknown>;

describe.each<Era>(['legacy', 'modern'])('shopping and support journeys over MCP, %s era', (era) => {
  let client: Awaited<ReturnType<typeof connectMcp>>;
  beforeAll(async () => {
    client = await connectMcp(server.url, era);
  });
  afterAll(() => client.close());

  const call = async (name: string, args: Record<string, unknown>) => {
    const result = await client.callTool({ name, arguments: args });
    const text = (result.content as Array<{ text: string }>)[0]?.text ?? '';
    if (result.isError) throw new Error(`${name} failed: ${text}`);
    return { data: result.structuredContent as Structured, text };
  };

  it('finds a waterproof backpack under $150, answers a question with a citation, checks out and pays once', async () => {
    const search = await call('search_products', { query: 'waterproof backpack with a laptop sleeve', max_price: 15000 });
    const products = search.data.products as Array<{ title: string; variants: Array<{ id: string; available: boolean }> }>;
    const pack = products.find((product) => product.title === 'Stormline 32')!;
    expect(pack).toBeDefined();

    const help = await call('search_help', { query: 'can I return a backpack if it does not fit?' });
    expect(help.data.answerable).toBe(true);
    expect((help.data.passages as Array<{ url: string }>)[0]!.url).toMatch(/^https:\/\/northwind-trail\.example\/help\/.+#/);

    const variant = pack.variants.find((candidate) => candidate.available)!;
    const created = await call('create_checkout', {
      items: [{ id: variant.id, quantity: 1 }], email: `mcp-${era}@example.com`,
      address: { name: 'Alex Rivera', line_one: '12 Pine St', city: 'Burlington', state: 'VT', country: 'US', postal_code: '05401' },
    });
    const checkoutId = created.data.id as string;
    expect(created.data.continue_url).toBe(`${server.url}/checkout/${checkoutId}`);
    const options = created.data.fulfillment_options as Array<{ id: string }>;
    const updated = await call('update_checkout', { checkout_id: checkoutId, fulfillment_option_id: options[0]!.id });
    expect(updated.data.status).toBe('ready_for_payment');
    expect((updated.data.totals as { total: number }).total).toBeGreaterThan(13900);

    const preview = await call('complete_checkout', { checkout_id: checkoutId, payment_token: 'spt_test_visa', request_id: `pay-${era}` });
    expect(preview.data.charged).toBe(false);
    const paid = await call('complete_checkout', { checkout_id: checkoutId, payment_token: 'spt_test_visa', request_id: `pay-${era}`, confirm: true });
    expect(paid.data).toMatchObject({ status: 'completed', charged: true });
    const again = await call('complete_checkout', { checkout_id: checkoutId, payment_token: 'spt_test_visa', request_id: `pay-${era}`, confirm: true });
    expect((again.data.order as { number: string }).number).toBe((paid.data.order as { number: string }).number);
    expect((await call('get_checkout', { checkout_id: checkoutId })).data.status).toBe('completed');
  });

  it('verifies a shopper, shows the order with tracking, and returns an item only after confirmation', async () => {
    const verified = await call('verify_customer', { email: 'maya.lefebvre@example.com', order_number: 'NW-10187' });
    const token = verified.data.customer_token as string;
    const order = await call('get_order', { customer_token: token, order_number: 'NW-10187' });
    expect(order.data).toMatchObject({ order_number: 'NW-10187', status_code: era === 'legacy' ? 'delivered' : 'return_requested' });
    expect((order.data.fulfillments as Array<{ tracking_number: string }>)[0]!.tracking_number).toBeTruthy();
    const items = order.data.items as Array<{ item_id: string }>;
    const payments = order.data.payments as Array<{ payment_method_id: string }>;
    const args = { customer_token: token, order_number: 'NW-10187', item_ids: [items[0]!.item_id], payment_method_id: payments[0]!.payment_method_id };
    if (era === 'modern') {
      // The legacy run already returned the item: the second request must be refused, not repeated.
      const second = await client.callTool({ name: 'return_items', arguments: { ...args, confirm: true } });
      expect(second.isError).toBe(true);
      return;
    }
    const preview = await call('return_items', args);
    expect(preview.data.status).toBe('preview');
    expect((await call('get_order', { customer_token: token, order_number: 'NW-10187' })).data.status_code).toBe('delivered');
    const done = await call('return_items', { ...args, confirm: true });
    expect(done.data.status).toBe('done');
    expect((await call('get_order', { customer_token: token, order_number: 'NW-10187' })).data.status_code).toBe('return_requested');
  });

  it('never shows another customer\'s order, answering exactly like an unknown order', async () => {
    const verified = await call('verify_customer', { email: 'maya.lefebvre@example.com', order_number: 'NW-10187' });
    const other = await client.callTool({ name: 'get_order', arguments: { customer_token: verified.data.customer_token, order_number: 'NW-10126' } });
    const unknown = await client.callTool({ name: 'get_order', arguments: { customer_token: verified.data.customer_token, order_number: 'NW-99999' } });
    expect(other.isError).toBe(true);
    expect((other.content as Array<{ text: string }>)[0]!.text.replace('NW-10126', 'X')).toBe((unknown.content as Array<{ text: string }>)[0]!.text.replace('NW-99999', 'X'));
  });

  it('serves the standard search and fetch tools over the help center and catalog', async () => {
    const found = await call('search', { query: 'how long do refunds take' });
    const first = (found.data.results as Array<{ id: string }>)[0]!;
    const fetched = await call('fetch', { id: first.id });
    expect(String(fetched.data.text).length).toBeGreaterThan(100);
    expect(fetched.data.url).toMatch(/^https:\/\//);
  });
});

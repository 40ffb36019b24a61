import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMcp } from '../helpers/mcp.ts';
import { startTestServer } from '../helpers/server.ts';

/*
 * Finding 6: post-sale idempotency keys were global and a stored result was returned before the
 * ownership check. Keys belong to the customer who used them: the same key chosen by two
 * customers is two requests, and nobody gets another customer's stored result.
 * Demo fixtures: Priya (cus_0003) and Daniel (cus_0002), each with a pending order.
 */
const PRIYA = { email: 'priya.raman@example.net', order: 'NW-10325' };
const DANIEL = { email: 'daniel.okafor@example.com', order: 'NW-10332' };
const KEY = 'shared-key-0001';
const address = (name: string) => ({ name, line1: '5 Same Key St', city: 'Portland', region: 'ME', postal_code: '04101', country: 'US' });

let server: Awaited<ReturnType<typeof startTestServer>>;
let client: Awaited<ReturnType<typeof connectMcp>>;
beforeAll(async () => {
  server = await startTestServer();
  client = await connectMcp(server.url, 'modern');
});
afterAll(async () => {
  await client?.close();
  await server?.stop();
});

const call = async (name: string, args: Record<string, unknown>) => {
  const result = await client.callTool({ name, arguments: args });
  return { isError: Boolean(result.isError), text: (result.content as Array<{ text: string }>)[0]!.text, data: (result.structuredContent ?? {}) as Record<string, unknown> };
};
const tokenOf = async (who: { email: string; order: string }) => (await call('verify_customer', { email: who.email, order_number: who.order })).data.customer_token as string;

describe('post-sale idempotency keys are per customer', () => {
  it('gives each customer their own result for the same key, and never another customer\'s', async () => {
    const priya = await tokenOf(PRIYA);
    const daniel = await tokenOf(DANIEL);
    const priyaArgs = { order_number: PRIYA.order, address: address('Priya Raman'), confirm: true, idempotency_key: KEY };
    const first = await call('modify_order_address', { customer_token: priya, ...priyaArgs });
    expect(first.isError, first.text).toBe(false);
    expect(first.data).toMatchObject({ status: 'done', order_number: PRIYA.order });

    // Daniel replays Priya's exact request: her order reads as missing, her stored result never comes back.
    const replay = await call('modify_order_address', { customer_token: daniel, ...priyaArgs });
    expect(replay.isError).toBe(true);
    expect(replay.text).toMatch(/not found/);
    expect(replay.text).not.toContain('Priya');

    const second = await call('modify_order_address', { customer_token: daniel, order_number: DANIEL.order, address: address('Daniel Okafor'), confirm: true, idempotency_key: KEY });
    expect(second.isError, second.text).toBe(false);
    expect(second.data).toMatchObject({ status: 'done', order_number: DANIEL.order });
    expect(second.data.replayed).toBeUndefined();
    expect((await server.runtime.orders.getOrder(DANIEL.order))!.shipping_address.name).toBe('Daniel Okafor');

    // Priya's own retry is still recognised.
    const retry = await call('modify_order_address', { customer_token: priya, ...priyaArgs });
    expect(retry.data).toMatchObject({ status: 'done', replayed: true });
  });

  it('keeps default-address keys per customer too', async () => {
    const priya = await tokenOf(PRIYA);
    const daniel = await tokenOf(DANIEL);
    const args = { address: address('Shared Key'), confirm: true, idempotency_key: 'shared-default-0001' };
    expect((await call('update_default_address', { customer_token: priya, ...args })).isError).toBe(false);
    const other = await call('update_default_address', { customer_token: daniel, ...args });
    expect(other.isError, other.text).toBe(false);
    const profile = await call('get_customer', { customer_token: daniel });
    expect((profile.data.default_address as { name: string }).name).toBe('Shared Key');
    expect(JSON.stringify(profile.data)).not.toContain('Massachusetts');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMcp } from '../helpers/mcp.ts';
import { acpClient } from '../helpers/acp.ts';
import { startTestServer } from '../helpers/server.ts';

/*
 * Finding 1: anyone can type someone else's email at checkout. That order must stay the buyer's
 * own: it never joins the existing account with that email, and its number + that email prove
 * identity for that one order only, never for the account's address, payment methods or orders.
 * The victim is the demo customer Priya (cus_0003) with the pending order NW-10325.
 */
const VICTIM = { id: 'cus_0003', email: 'priya.raman@example.net', pendingOrder: 'NW-10325', street: '301 Massachusetts Ave', card: 'pm_0007' };
const ATTACKER_ADDRESS = { name: 'Mallory Example', line_one: '9 Drop Box Rd', city: 'Newark', state: 'NJ', country: 'US', postal_code: '07102' };
const REDIRECT = { name: 'Mallory Example', line1: '9 Drop Box Rd', city: 'Newark', region: 'NJ', postal_code: '07102', country: 'US' };

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

type Result = { isError: boolean; text: string; data: Record<string, unknown> };
const call = async (name: string, args: Record<string, unknown>): Promise<Result> => {
  const result = await client.callTool({ name, arguments: args });
  return { isError: Boolean(result.isError), text: (result.content as Array<{ text: string }>)[0]!.text, data: (result.structuredContent ?? {}) as Record<string, unknown> };
};
const ok = async (name: string, args: Record<string, unknown>) => {
  const result = await call(name, args);
  expect(result.isError, `${name}: ${result.text}`).toBe(false);
  return result.data;
};

async function variantId(): Promise<string> {
  const search = await ok('search_products', { query: 'Stormline 32' });
  return (search.products as Array<{ variants: Array<{ id: string; available: boolean }> }>)[0]!.variants.find((item) => item.available)!.id;
}

/** The attack's first step: a real, paid checkout over MCP with the victim's email. */
async function buyAs(email: string, requestId: string): Promise<string> {
  const created = await ok('create_checkout', { items: [{ id: await variantId(), quantity: 1 }], email, address: ATTACKER_ADDRESS });
  const options = created.fulfillment_options as Array<{ id: string; type: string }>;
  await ok('update_checkout', { checkout_id: created.id, fulfillment_option_id: options.find((option) => option.type === 'shipping')!.id });
  const paid = await ok('complete_checkout', { checkout_id: created.id, payment_token: 'spt_test_visa', request_id: requestId, confirm: true });
  expect(paid.status).toBe('completed');
  return (paid.order as { number: string }).number;
}

/** One chat widget conversation over POST /api/chat (Server-Sent Events). */
function chatConversation() {
  let id: string | undefined;
  return {
    async send(message: string) {
      const response = await fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message, ...(id ? { conversation_id: id } : {}) }) });
      const events = (await response.text()).split('\n\n').filter(Boolean).map((block) => JSON.parse(block.split('\n')[1]!.slice(6)) as Record<string, unknown> & { type: string });
      id ??= events[0]?.conversation_id as string;
      const text = events.filter((event) => event.type === 'text-delta').map((event) => String(event.delta ?? event.text ?? '')).join('');
      return { events, text };
    },
  };
}

/** Everything a token reaches must be the attacker's own order, never the victim's account. */
async function expectNoVictimData(token: string, ownOrder: string): Promise<void> {
  const before = (await server.runtime.orders.getOrder(VICTIM.pendingOrder))!.shipping_address;
  const profile = await call('get_customer', { customer_token: token });
  const seen = JSON.stringify(profile);
  for (const secret of [VICTIM.id, VICTIM.street, VICTIM.card, VICTIM.pendingOrder, 'Raman']) expect(seen).not.toContain(secret);
  const listed = await call('list_orders', { customer_token: token });
  expect(JSON.stringify(listed)).not.toContain('NW-');
  if (!listed.isError) expect((listed.data.orders as Array<{ order_number: string }>).map((order) => order.order_number)).toEqual([ownOrder]);
  const foreign = await call('get_order', { customer_token: token, order_number: VICTIM.pendingOrder });
  expect(foreign.isError).toBe(true);
  expect(foreign.text).toMatch(/not found/);
  const redirect = await call('modify_order_address', { customer_token: token, order_number: VICTIM.pendingOrder, address: REDIRECT, confirm: true });
  expect(redirect.isError).toBe(true);
  const stored = await server.runtime.orders.getOrder(VICTIM.pendingOrder);
  expect(stored!.shipping_address).toEqual(before);
  expect(stored!.customer_id).toBe(VICTIM.id);
}

describe('a checkout with someone else\'s email', () => {
  it('never proves identity for the account with that email (MCP checkout)', async () => {
    const ownOrder = await buyAs(VICTIM.email, 'takeover-1');
    const verified = await call('verify_customer', { email: VICTIM.email, order_number: ownOrder });
    if (!verified.isError) {
      await expectNoVictimData(verified.data.customer_token as string, ownOrder);
      // The buyer still reaches their own order with its own number and email.
      const mine = await ok('get_order', { customer_token: verified.data.customer_token, order_number: ownOrder });
      expect((mine.shipping_address as { line1: string }).line1).toBe('9 Drop Box Rd');
      expect((verified.data.customer as { id: string }).id).not.toBe(VICTIM.id);
    }
    expect((await server.runtime.orders.getOrder(ownOrder))!.customer_id).not.toBe(VICTIM.id);
  });

  it('leaves the victim\'s account as it was: the stranger\'s order is not in it', async () => {
    const ownOrder = await buyAs(VICTIM.email, 'takeover-2');
    const victim = await ok('verify_customer', { email: VICTIM.email, order_number: VICTIM.pendingOrder });
    expect((victim.customer as { id: string }).id).toBe(VICTIM.id);
    const listed = await ok('list_orders', { customer_token: victim.customer_token });
    expect((listed.orders as Array<{ order_number: string }>).map((order) => order.order_number)).not.toContain(ownOrder);
    expect((await call('get_order', { customer_token: victim.customer_token, order_number: ownOrder })).isError).toBe(true);
  });

  it('gives the chat widget nothing of the account either', async () => {
    const ownOrder = await buyAs(VICTIM.email, 'takeover-chat');
    const conversation = chatConversation();
    const own = await conversation.send(`Where is my order ${ownOrder}? My email is ${VICTIM.email}`);
    expect(own.text).toContain(ownOrder);
    for (const message of [`Where is my order ${VICTIM.pendingOrder}?`, `Please cancel order ${VICTIM.pendingOrder}`, 'What addresses and cards do you have on file for me?']) {
      const reply = await conversation.send(message);
      expect(reply.events.some((event) => event.type === 'action-preview' || event.type === 'order-status' && JSON.stringify(event).includes(VICTIM.pendingOrder))).toBe(false);
      for (const secret of [VICTIM.street, '8078', 'Marlborough']) expect(JSON.stringify(reply.events)).not.toContain(secret);
    }
    expect((await server.runtime.orders.getOrder(VICTIM.pendingOrder))!.status).toBe('pending');
  });

  it('does not attach an ACP-completed order to the account either', async () => {
    const acp = acpClient(server.url, '2026-04-17');
    const created = await acp('POST', '/checkout_sessions', {
      currency: 'usd', line_items: [{ id: await variantId(), quantity: 1 }], capabilities: { interventions: { supported: [] } },
      buyer: { email: VICTIM.email, first_name: 'Mallory', last_name: 'Example' }, fulfillment_details: { name: ATTACKER_ADDRESS.name, address: ATTACKER_ADDRESS },
    });
    expect(created.status, JSON.stringify(created.body)).toBeLessThan(300);
    const done = await acp('POST', `/checkout_sessions/${created.body.id}/complete`, { payment_data: { handler_id: 'card_spt', instrument: { type: 'card', credential: { type: 'spt', token: 'spt_test_visa' } } } });
    expect(done.body.status, JSON.stringify(done.body)).toBe('completed');
    const number = String((done.body.order as { id: string }).id).replace(/^ord_/, '');
    expect((await server.runtime.orders.getOrder(number))!.customer_id).not.toBe(VICTIM.id);
    const verified = await call('verify_customer', { email: VICTIM.email, order_number: number });
    if (!verified.isError) await expectNoVictimData(verified.data.customer_token as string, number);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/platform/index.ts';
import { failure, startSupport, type SupportHarness } from '../../helpers/support.ts';

let shop: SupportHarness;
beforeAll(async () => { shop = await startSupport(); });
afterAll(() => shop.stop());

describe('verify_customer and the customer token', () => {
  it('verifies by email + order number and by name + postal code', async () => {
    const byEmail = await shop.call<{ customer_token: string; customer: { id: string }; expires_at: string }>('verify_customer', { email: 'ANA.SILVA@example.com', order_number: 'nw-1003' });
    expect(byEmail.customer.id).toBe('cus_ana');
    expect(byEmail.expires_at).toBe('2026-11-28T10:30:00.000Z');
    const byName = await shop.call<{ customer: { id: string } }>('verify_customer', { first_name: 'ben', last_name: 'OKORO', postal_code: '10001' });
    expect(byName.customer.id).toBe('cus_ben');
  });

  it('answers every mismatch exactly like not found', async () => {
    const unknownEmail = await failure(shop.call('verify_customer', { email: 'nobody@example.com', order_number: 'NW-1001' }, { actor: { kind: 'assistant', id: 'c-mismatch' } }));
    const otherCustomersOrder = await failure(shop.call('verify_customer', { email: 'ana.silva@example.com', order_number: 'NW-1007' }, { actor: { kind: 'assistant', id: 'c-mismatch' } }));
    const wrongZip = await failure(shop.call('verify_customer', { first_name: 'Ana', last_name: 'Silva', postal_code: '99999' }, { actor: { kind: 'assistant', id: 'c-mismatch' } }));
    for (const error of [otherCustomersOrder, wrongZip]) expect(error).toEqual(unknownEmail);
    expect(unknownEmail.code).toBe('not_found');
  });

  it('rate limits failures per identity, across replicas sharing the database', async () => {
    const attempt = (runtimeCall: typeof shop.call, client: string) => failure(runtimeCall('verify_customer', { email: 'ben.okoro@example.com', order_number: 'NW-1001' }, { actor: { kind: 'assistant', id: client } }));
    for (let index = 0; index < 5; index++) expect((await attempt(shop.call, `client-${index}`)).code).toBe('not_found');
    expect((await attempt(shop.call, 'client-new')).code).toBe('rate_limited');
    // Even the right details are refused now, and a second replica sees the same counters.
    const replica = await shop.replica();
    const { findTool } = await import('../../../src/tools/index.ts');
    const tool = findTool('verify_customer')!;
    const error = await failure(tool.execute({ services: replica, channel: 'test', actor: { kind: 'assistant', id: 'other' } }, tool.input.parse({ email: 'ben.okoro@example.com', order_number: 'NW-1007' })));
    expect(error.code).toBe('rate_limited');
  });

  it('rate limits attempts per client', async () => {
    let last = '';
    for (let index = 0; index < 32; index++) last = (await failure(shop.call('verify_customer', { email: `x${index}@example.com`, order_number: 'NW-1' }, { actor: { kind: 'assistant', id: 'greedy' } }))).code;
    expect(last).toBe('rate_limited');
  });

  it('refuses missing, tampered, expired and foreign-secret tokens', async () => {
    const token = await shop.token();
    expect((await failure(shop.call('list_orders', { customer_token: 'x'.repeat(20) }))).code).toBe('unauthorized');
    const [body, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), sub: 'cus_ben' })).toString('base64url');
    expect((await failure(shop.call('list_orders', { customer_token: `${forged}.${signature}` }))).code).toBe('unauthorized');
    const later = await startSupport({ clock: fixedClock('2026-11-28T10:31:00Z'), dataDir: shop.dataDir });
    const expired = await failure(later.call('list_orders', { customer_token: token }));
    expect(expired).toMatchObject({ code: 'unauthorized', message: expect.stringMatching(/expired/) });
    later.runtime.close();
    const otherSecret = await startSupport({ env: { SHOPKEEPER_SECRET: 'another-secret-that-is-long-enough-123' } });
    expect((await failure(otherSecret.call('list_orders', { customer_token: token }))).code).toBe('unauthorized');
    otherSecret.stop();
  });

  it('never shows another customer\'s order: it reads like a missing one', async () => {
    const token = await shop.token();
    const foreign = await failure(shop.call('get_order', { customer_token: token, order_number: 'NW-1007' }));
    const missing = await failure(shop.call('get_order', { customer_token: token, order_number: 'NW-9999' }));
    expect(foreign.code).toBe('not_found');
    expect(foreign.message.replace('NW-1007', 'X')).toBe(missing.message.replace('NW-9999', 'X'));
    const cancel = await failure(shop.call('cancel_order', { customer_token: token, order_number: 'NW-1007', reason: 'no longer needed', confirm: true }));
    expect(cancel.code).toBe('not_found');
  });

  it('lists and shows only the verified customer\'s orders, with tracking', async () => {
    const token = await shop.token();
    const { orders } = await shop.call<{ orders: Array<{ order_number: string }> }>('list_orders', { customer_token: token });
    expect(orders.map((order) => order.order_number).sort()).toEqual(['NW-1001', 'NW-1002', 'NW-1003', 'NW-1004', 'NW-1005', 'NW-1006', 'NW-1009']);
    const order = await shop.call<{ fulfillments: Array<{ carrier: string; tracking_url: string }>; status: string }>('get_order', { customer_token: token, order_number: 'NW-1003' });
    expect(order.status).toBe('delivered');
    expect(order.fulfillments[0]).toMatchObject({ carrier: 'UPS', tracking_url: expect.stringContaining('ups.com') });
    const profile = await shop.call<{ payment_methods: Array<{ id: string; balance?: number }> }>('get_customer', { customer_token: token });
    expect(profile.payment_methods.find((method) => method.id === 'gift_ana')?.balance).toBe(5000);
    expect(JSON.stringify(profile)).not.toContain('cus_ben');
  });
});

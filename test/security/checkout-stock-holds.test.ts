import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMcp } from '../helpers/mcp.ts';
import { startTestServer } from '../helpers/server.ts';

/*
 * Finding 8: an anonymous create_checkout held the whole stock of an item for six hours, and one
 * caller could open as many such sessions as it liked.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ env: { SHOPKEEPER_CHECKOUT_HOLD_TTL_MS: '1000', SHOPKEEPER_CHECKOUT_MAX_OPEN_SESSIONS: '3' } });
});
afterAll(() => server.stop());

const VT = { name: 'Hold Test', line_one: '1 Main St', city: 'Burlington', state: 'VT', country: 'US', postal_code: '05401' };
type Result = { isError?: boolean; structuredContent?: Record<string, unknown>; content: Array<{ text?: string }> };

describe('stock holds of anonymous checkouts', () => {
  it('give the stock back after the hold TTL and cap the open sessions of one caller', async () => {
    const mcp = await connectMcp(server.url, 'modern');
    const call = async (name: string, args: Record<string, unknown>) => (await mcp.callTool({ name, arguments: args })) as Result;
    const stock = (await server.runtime.sql.get<{ n: number }>("SELECT inventory AS n FROM variants WHERE sku = 'NW-RDG28-GRN'"))!.n;
    const hoard = await call('create_checkout', { items: [{ id: 'NW-RDG28-GRN', quantity: stock }], email: 'hoard@example.com', address: VT });
    expect(hoard.structuredContent!.status).toBe('ready_for_payment');
    const blocked = await call('create_checkout', { items: [{ id: 'NW-RDG28-GRN', quantity: 1 }], email: 'shopper@example.com', address: VT });
    expect(blocked.structuredContent!.status).toBe('not_ready_for_payment');

    await new Promise((resolve) => setTimeout(resolve, 1300));
    // The server's sweep (run every minute) gives back holds that ran out, without anyone reading the session.
    await server.runtime.checkout.expireStale();
    const now = await call('get_checkout', { checkout_id: hoard.structuredContent!.id });
    expect(now.structuredContent!.status).toBe('not_ready_for_payment');
    const paid = await call('complete_checkout', { checkout_id: hoard.structuredContent!.id, payment_token: 'spt_test_visa', request_id: 'hoard-1', confirm: true });
    expect(paid.structuredContent?.status).not.toBe('completed');

    const fourth = await call('create_checkout', { items: [{ id: 'NW-RDG28-GRN', quantity: 1 }], email: 'shopper@example.com', address: VT });
    expect(fourth.structuredContent!.status).toBe('ready_for_payment');
    const refused = await call('create_checkout', { items: [{ id: 'NW-STM32-BLK', quantity: 1 }], email: 'shopper@example.com', address: VT });
    expect(refused.isError).toBe(true);
    expect(refused.content.map((part) => part.text).join(' ')).toMatch(/open checkouts/);
    await mcp.close();
  });
});

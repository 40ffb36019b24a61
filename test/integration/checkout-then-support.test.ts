import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTool, type ToolContext } from '../../src/tools/index.ts';
import { startTestServer } from '../helpers/server.ts';

/*
 * An order bought through an agent is the same order support sees: the shopper can verify with
 * it, cancel it under the policy, get the card refunded, and the agent platform hears about it.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let context: ToolContext;
beforeAll(async () => {
  server = await startTestServer();
  context = { services: server.runtime, channel: 'test', actor: { kind: 'assistant', id: 'journey' } };
});
afterAll(() => server.stop());

const run = async (name: string, input: Record<string, unknown>) => {
  const tool = findTool(name)!;
  return tool.execute(context, tool.input.parse(input)) as Promise<Record<string, unknown>>;
};

describe('an order placed through checkout, then cancelled through support', () => {
  it('verifies with the new order, cancels it, refunds the charge and queues order_updated', async () => {
    const search = await run('search_products', { query: 'Stormline 32' });
    const variant = (search.products as Array<{ variants: Array<{ id: string; available: boolean }> }>)[0]!.variants.find((item) => item.available)!;
    const created = await run('create_checkout', {
      items: [{ id: variant.id, quantity: 1 }], email: 'new.buyer@example.com',
      address: { name: 'New Buyer', line_one: '1 Main St', city: 'Burlington', state: 'VT', country: 'US', postal_code: '05401' },
    });
    const options = created.fulfillment_options as Array<{ id: string; type: string }>;
    await run('update_checkout', { checkout_id: created.id, fulfillment_option_id: options.find((option) => option.type === 'shipping')!.id });
    const paid = await run('complete_checkout', { checkout_id: created.id, payment_token: 'spt_test_visa', request_id: 'journey-1', confirm: true });
    expect(paid, JSON.stringify(paid.messages)).toMatchObject({ status: 'completed' });
    const orderNumber = (paid.order as { number: string }).number;

    const verified = await run('verify_customer', { email: 'new.buyer@example.com', order_number: orderNumber });
    const token = verified.customer_token as string;
    const preview = await run('cancel_order', { customer_token: token, order_number: orderNumber, reason: 'ordered by mistake' });
    expect(preview.status).toBe('preview');
    const done = await run('cancel_order', { customer_token: token, order_number: orderNumber, reason: 'ordered by mistake', confirm: true });
    expect(done.status).toBe('done');

    const order = await run('get_order', { customer_token: token, order_number: orderNumber });
    expect(order.status_code).toBe('cancelled');
    const payments = order.payments as Array<{ kind: string; amount: number }>;
    const charged = payments.filter((payment) => payment.kind === 'charge').reduce((sum, payment) => sum + payment.amount, 0);
    const refunded = payments.filter((payment) => payment.kind === 'refund').reduce((sum, payment) => sum + payment.amount, 0);
    expect(refunded).toBe(charged);
    const events = (await server.runtime.sql.get<{ n: number }>("SELECT COUNT(*) AS n FROM checkout_outbox WHERE type = 'order_updated'"))!;
    expect(events.n).toBe(1);
  });
});

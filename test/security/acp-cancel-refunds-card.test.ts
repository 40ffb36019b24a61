import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QC_ADDRESS, acpClient } from '../helpers/acp.ts';
import { startFakeStripe } from '../helpers/fake-stripe.ts';
import { connectMcp } from '../helpers/mcp.ts';
import { DEMO_MERCHANT, TEA_SHOP } from '../helpers/paths.ts';
import { startTestServer } from '../helpers/server.ts';

/*
 * Finding 5: cancelling an order placed through ACP recorded a refund but never asked the payment
 * provider for it, and told the shopper the money went "to acp:demo-agent".
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ merchant: TEA_SHOP });
});
afterAll(() => server.stop());

type ToolResult = { structuredContent?: Record<string, unknown>; content: Array<{ text?: string }>; isError?: boolean };

describe('cancelling an ACP order', () => {
  it('refunds the checkout charge at the provider exactly once and names the card in shopper words', async () => {
    const acp = acpClient(server.url, '2026-04-17');
    const created = await acp('POST', '/checkout_sessions', { currency: 'cad', line_items: [{ id: 'HL-SEN-50' }], capabilities: {}, buyer: { email: 'refund.me@example.com' }, fulfillment_details: { name: 'Refund Me', address: QC_ADDRESS } });
    const completed = await acp('POST', `/checkout_sessions/${created.body.id}/complete`, { payment_data: { handler_id: 'card_spt', instrument: { type: 'card', credential: { type: 'spt', token: 'spt_test_visa' } } } });
    expect(completed.body.status).toBe('completed');
    const orderNumber = completed.body.order.id.replace(/^ord_/, '') as string;
    const total = (completed.body.totals as Array<{ type: string; amount: number }>).find((line) => line.type === 'total')!.amount;

    const mcp = await connectMcp(server.url, 'modern');
    const call = async (name: string, args: Record<string, unknown>) => (await mcp.callTool({ name, arguments: args })) as ToolResult;
    const verified = await call('verify_customer', { email: 'refund.me@example.com', order_number: orderNumber });
    const token = verified.structuredContent!.customer_token as string;
    const cancel = { customer_token: token, order_number: orderNumber, reason: 'ordered by mistake' };
    const preview = await call('cancel_order', cancel);
    const done = await call('cancel_order', { ...cancel, confirm: true });
    const again = await call('cancel_order', { ...cancel, confirm: true });
    await mcp.close();
    expect(done.isError, JSON.stringify(done.content)).toBeFalsy();

    const refunds = await server.runtime.sql.all<{ result: string }>("SELECT result FROM test_provider_operations WHERE kind = 'refund'");
    expect(refunds).toHaveLength(1);
    expect((JSON.parse(refunds[0]!.result) as { amount: number; status: string })).toMatchObject({ amount: total, status: 'succeeded' });
    for (const reply of [preview, done, again]) {
      // What the assistant reads back to the shopper: the summary and the tool's text.
      const text = `${String(reply.structuredContent!.summary)} ${reply.content.map((part) => part.text ?? '').join(' ')}`;
      expect(text).not.toMatch(/acp:|demo-agent|ch_test_/);
    }
    expect(String(done.structuredContent!.summary)).toMatch(/card used at checkout|original payment method/);
  });
});

describe('cancelling an ACP order paid through Stripe', () => {
  it('refunds the PaymentIntent once, for the order total', async () => {
    const stripe = await startFakeStripe({ secretKey: 'sk_test_cancel_refund' });
    const shop = await startTestServer({ merchant: DEMO_MERCHANT, env: { STRIPE_SECRET_KEY: 'sk_test_cancel_refund', STRIPE_API_BASE: stripe.url } });
    try {
      const acp = acpClient(shop.url, '2026-04-17');
      const address = { name: 'Refund Me', line_one: '1 Main St', city: 'Burlington', state: 'VT', country: 'US', postal_code: '05401' };
      const created = await acp('POST', '/checkout_sessions', { line_items: [{ id: 'NW-RAINCV-S' }], capabilities: {}, buyer: { email: 'stripe.refund@example.com' }, fulfillment_details: { name: 'Refund Me', address } });
      const completed = await acp('POST', `/checkout_sessions/${created.body.id}/complete`, { payment_data: { handler_id: 'card_spt', instrument: { type: 'card', credential: { type: 'spt', token: 'spt_ok' } } } });
      expect(completed.body.status, JSON.stringify(completed.body.messages)).toBe('completed');
      const orderNumber = completed.body.order.id.replace(/^ord_/, '') as string;
      const total = (completed.body.totals as Array<{ type: string; amount: number }>).find((line) => line.type === 'total')!.amount;
      const intent = stripe.processed.find((request) => request.path === '/v1/payment_intents')!.body as { id: string };

      const mcp = await connectMcp(shop.url, 'modern');
      const call = async (name: string, args: Record<string, unknown>) => (await mcp.callTool({ name, arguments: args })) as ToolResult;
      const token = (await call('verify_customer', { email: 'stripe.refund@example.com', order_number: orderNumber })).structuredContent!.customer_token as string;
      const cancel = { customer_token: token, order_number: orderNumber, reason: 'ordered by mistake', confirm: true };
      const done = await call('cancel_order', cancel);
      await call('cancel_order', cancel);
      await mcp.close();
      expect(done.isError, JSON.stringify(done.content)).toBeFalsy();
      const refunds = stripe.processed.filter((request) => request.path === '/v1/refunds' && !request.replayed);
      expect(refunds).toHaveLength(1);
      expect(refunds[0]!.body).toMatchObject({ status: 'succeeded', amount: total, payment_intent: intent.id });
    } finally {
      await shop.stop();
      await stripe.close();
    }
  });
});

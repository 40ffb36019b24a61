import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderNumberFor } from '../../../src/flows/index.ts';
import { findTool, type ToolContext } from '../../../src/tools/index.ts';
import { QC_ADDRESS } from '../../helpers/acp.ts';
import { startFakeStripe, type FakeStripe } from '../../helpers/fake-stripe.ts';
import { TEA_SHOP } from '../../helpers/paths.ts';
import { startTestServer } from '../../helpers/server.ts';

const SK = 'sk_test_pageserver';
const PK = 'pk_test_pageserver';
type Server = Awaited<ReturnType<typeof startTestServer>>;

let stripe: FakeStripe;
let server: Server;
beforeAll(async () => {
  stripe = await startFakeStripe({ secretKey: SK, publishableKey: PK });
  server = await startTestServer({ merchant: TEA_SHOP, env: { STRIPE_SECRET_KEY: SK, STRIPE_PUBLISHABLE_KEY: PK, STRIPE_API_BASE: stripe.url } });
});
afterAll(async () => { await server?.stop(); await stripe?.close(); });

/** A ready_for_payment session, made the way the assistant makes one (create_checkout). */
async function readySession(): Promise<string> {
  const tool = findTool('create_checkout')!;
  const context: ToolContext = { services: server.runtime, channel: 'test', actor: { kind: 'assistant', id: 'stripe-page' } };
  const created = await tool.execute(context, tool.input.parse({ items: [{ id: 'HL-SEN-50', quantity: 2 }], email: 'page@example.com', address: QC_ADDRESS })) as { id: string; status: string };
  expect(created.status).toBe('ready_for_payment');
  return created.id;
}

const api = (path: string, body?: object) => fetch(`${server.url}/api/checkout${path}`, body
  ? { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) } : {});
const createIntent = async (session: string) => {
  const response = await api(`/${session}/payment-intent`, {});
  expect(response.status, await response.clone().text()).toBe(200);
  return await response.json() as { payment_intent_id: string; client_secret: string; publishable_key: string; amount: number; currency: string };
};
const complete = (session: string, intent: string) => api(`/${session}/payment-intent/complete`, { payment_intent_id: intent });
/** What Stripe.js does in the buyer's browser: confirm with the publishable key and the client secret. */
const browserConfirm = (intent: { payment_intent_id: string; client_secret: string }, paymentMethod = 'pm_card_visa') =>
  fetch(`${stripe.url}/v1/payment_intents/${intent.payment_intent_id}/confirm`, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ payment_method: paymentMethod, key: PK, client_secret: intent.client_secret }).toString(),
  });
const sessionOf = async (id: string) => await (await api(`/${id}`)).json() as { status: string; totals: { total: number }; currency: string; order: { number: string } | null };

describe('hosted checkout page in Stripe mode (Payment Element)', () => {
  it('serves the page with Stripe.js allowed by its CSP and the inline script allowed by nonce', async () => {
    const session = await readySession();
    const response = await fetch(`${server.url}/checkout/${session}`);
    const html = await response.text();
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(html).toContain('<script src="https://js.stripe.com/v3"></script>');
    expect(html).toContain('data-payments="stripe"');
    expect(html).toContain('id="payment-element"');
    const nonce = /<script nonce="([^"]+)">/.exec(html)![1]!;
    expect(csp).toMatch(new RegExp(`script-src 'self' 'nonce-${nonce.replace(/[+/=]/g, '\\$&')}' https://js.stripe.com`));
    expect(csp).toContain('frame-src https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com');
    expect(csp).toContain("connect-src 'self' https://api.stripe.com");
  });

  it('creates one PaymentIntent per session total and places the order once for a succeeded intent', async () => {
    const session = await readySession();
    const before = await sessionOf(session);
    const intent = await createIntent(session);
    expect(intent).toMatchObject({ publishable_key: PK, amount: before.totals.total, currency: before.currency.toLowerCase(), client_secret: expect.stringMatching(/^pi_.+_secret_/) });
    expect((await createIntent(session)).payment_intent_id).toBe(intent.payment_intent_id);
    const created = stripe.intents.get(intent.payment_intent_id)!;
    expect(created).toMatchObject({ amount: before.totals.total, metadata: { checkout_session_id: session }, automatic_payment_methods: { enabled: true } });
    const creates = stripe.seen.filter((request) => request.method === 'POST' && request.path === '/v1/payment_intents' && request.form.get('metadata[checkout_session_id]') === session);
    expect(creates.map((request) => request.headers['idempotency-key'])).toEqual([`checkout:${session}:intent:${before.totals.total}:${before.currency.toLowerCase()}`, `checkout:${session}:intent:${before.totals.total}:${before.currency.toLowerCase()}`]);
    expect(creates[0]!.headers.authorization).toBe(`Bearer ${SK}`);

    expect((await browserConfirm(intent)).status).toBe(200);
    // Concurrent completes (a double click, two tabs): one places the order, the others see it being placed.
    const answers = await Promise.all([1, 2, 3].map(() => complete(session, intent.payment_intent_id)));
    expect(answers.every((answer) => answer.status === 200 || answer.status === 202)).toBe(true);
    expect(answers.some((answer) => answer.status === 200)).toBe(true);
    const replay = await complete(session, intent.payment_intent_id);
    expect(replay.status).toBe(200);
    const paid = await replay.json() as { status: string; order: { number: string } };
    expect(paid).toMatchObject({ status: 'completed', order: { number: orderNumberFor(session) } });
    const order = await server.runtime.orders.getOrder(paid.order.number);
    expect(order!.payments).toEqual([expect.objectContaining({ id: intent.payment_intent_id, kind: 'charge', amount: before.totals.total })]);
    // The server only retrieved the intent: it never confirmed or created a second charge.
    const serverCalls = stripe.seen.filter((request) => request.path.startsWith(`/v1/payment_intents/${intent.payment_intent_id}`) && request.headers.authorization === `Bearer ${SK}`);
    expect(new Set(serverCalls.map((request) => request.method))).toEqual(new Set(['GET']));
    expect(stripe.seen.filter((request) => request.path === `/v1/payment_intents/${intent.payment_intent_id}/confirm`)).toHaveLength(1);
    // Nothing left to pay for.
    expect((await api(`/${session}/payment-intent`, {})).status).toBe(409);
  });

  it('refuses an unpaid intent, another session\'s intent and a tampered amount with a 4xx, and completes nothing', async () => {
    const session = await readySession();
    const other = await readySession();
    const expectRefused = async (intentId: string, detail: RegExp) => {
      const response = await complete(session, intentId);
      const problem = await response.json() as { code: string; detail: string };
      expect(response.status, problem.detail).toBe(402);
      expect(problem).toMatchObject({ code: 'payment_failed', detail: expect.stringMatching(detail) });
      expect((await sessionOf(session)).status).toBe('ready_for_payment');
    };

    const unpaid = await createIntent(session);
    await expectRefused(unpaid.payment_intent_id, /not accepted.*requires_payment_method/);
    expect((await browserConfirm(unpaid, 'pm_card_authenticationRequired')).status).toBe(200);
    await expectRefused(unpaid.payment_intent_id, /requires_action/);

    const theirs = await createIntent(other);
    expect((await browserConfirm(theirs)).status).toBe(200);
    await expectRefused(theirs.payment_intent_id, /not created for this checkout/);

    // An intent on our account with this session's metadata but another amount (a tampered total).
    const tampered = await fetch(`${stripe.url}/v1/payment_intents`, {
      method: 'POST', headers: { Authorization: `Bearer ${SK}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ amount: '100', currency: 'cad', 'metadata[checkout_session_id]': session }).toString(),
    }).then((response) => response.json()) as { id: string };
    stripe.setStatus(tampered.id, 'succeeded');
    await expectRefused(tampered.id, /is for 100 CAD, the checkout total is \d+ CAD\. That payment was refunded; pay the new total/);
    // Replayed: still refused, and Stripe's idempotency keeps it to one refund of the whole intent.
    await expectRefused(tampered.id, /refunded/);
    const refunds = stripe.seen.filter((request) => request.method === 'POST' && request.path === '/v1/refunds');
    expect(refunds.map((request) => [request.form.get('payment_intent'), request.form.get('amount'), request.headers['idempotency-key']])).toEqual([[tampered.id, null, `release:${tampered.id}`], [tampered.id, null, `release:${tampered.id}`]]);
    await expectRefused('pi_doesnotexist', /unknown to our Stripe account/);
    expect((await complete(session, 'ch_not_an_intent')).status).toBe(400);

    expect(await server.runtime.orders.getOrder(orderNumberFor(session))).toBeNull();
    // The other session still pays with its own intent.
    expect((await complete(other, theirs.payment_intent_id)).status).toBe(200);
    // And the refused session can still pay once its buyer finishes.
    stripe.setStatus(unpaid.payment_intent_id, 'succeeded');
    expect((await complete(session, unpaid.payment_intent_id)).status).toBe(200);
  });
});

describe('hosted checkout page without Stripe keys', () => {
  it('stays in test-provider mode: no Stripe.js, no Stripe origins in the CSP, no intents', async () => {
    const plain = await startTestServer({ merchant: TEA_SHOP });
    try {
      const response = await fetch(`${plain.url}/checkout/cs_anything`);
      const html = await response.text();
      expect(html).toContain('data-payments="test"');
      expect(html).toContain('spt_test_visa');
      expect(html).not.toContain('<script src="https://js.stripe.com');
      expect(response.headers.get('content-security-policy')).not.toContain('stripe.com');
      const intent = await fetch(`${plain.url}/api/checkout/cs_anything/payment-intent`, { method: 'POST' });
      expect(intent.status).toBe(503);
    } finally {
      await plain.stop();
    }
  });
});

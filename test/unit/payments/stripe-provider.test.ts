import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRIPE_SPT_API_VERSION, StripePaymentsProvider } from '../../../src/payments/index.ts';
import { startFakeStripe, type FakeStripe } from '../../helpers/fake-stripe.ts';

let stripe: FakeStripe;
let seen: FakeStripe['seen'];
let provider: StripePaymentsProvider;

// The fake (test/helpers/fake-stripe.ts) answers like api.stripe.com and records the exact requests.
beforeAll(async () => {
  stripe = await startFakeStripe({ secretKey: 'sk_test_local' });
  seen = stripe.seen;
  provider = new StripePaymentsProvider({ secretKey: 'sk_test_local', webhookSecret: 'whsec_local', host: '127.0.0.1', port: stripe.port, protocol: 'http' });
});
afterAll(() => stripe.close());

describe('Stripe adapter against a local Stripe', () => {
  it('checks the token, then confirms one PaymentIntent from the SPT with the idempotency key', async () => {
    seen.length = 0;
    const result = await provider.charge({ amount: 4369, currency: 'USD', token: 'spt_ok', idempotencyKey: 'checkout:cs_1:abc', metadata: { checkout_session_id: 'cs_1' } });
    expect(result).toEqual({ status: 'succeeded', id: 'pi_spt1', amount: 4369, currency: 'usd', provider: 'stripe' });
    expect(seen.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /v1/shared_payment/granted_tokens/spt_ok', 'POST /v1/payment_intents']);
    const create = seen[1]!;
    expect(Object.fromEntries(create.form)).toEqual({
      amount: '4369', currency: 'usd', confirm: 'true', 'payment_method_data[shared_payment_granted_token]': 'spt_ok', 'metadata[checkout_session_id]': 'cs_1',
    });
    expect(create.headers['idempotency-key']).toBe('checkout:cs_1:abc');
    expect(create.headers['stripe-version']).toBe(STRIPE_SPT_API_VERSION);
    expect(create.headers.authorization).toBe('Bearer sk_test_local');
    expect(create.headers['content-type']).toContain('application/x-www-form-urlencoded');
  });

  it('refuses amount, currency and expiry outside the token usage limits without creating a PaymentIntent', async () => {
    seen.length = 0;
    expect(await provider.charge({ amount: 501, currency: 'usd', token: 'spt_small', idempotencyKey: 'k1' })).toMatchObject({ status: 'declined', code: 'amount_too_large' });
    expect(await provider.charge({ amount: 100, currency: 'usd', token: 'spt_eur', idempotencyKey: 'k2' })).toMatchObject({ status: 'declined', code: 'invalid_token' });
    expect(await provider.charge({ amount: 100, currency: 'usd', token: 'spt_old', idempotencyKey: 'k3' })).toMatchObject({ status: 'declined', code: 'expired_card' });
    expect(await provider.charge({ amount: 100, currency: 'usd', token: 'spt_missing', idempotencyKey: 'k4' })).toMatchObject({ status: 'declined', code: 'invalid_token' });
    expect(seen.some((request) => request.path === '/v1/payment_intents')).toBe(false);
  });

  it('maps a card decline and requires_action', async () => {
    expect(await provider.charge({ amount: 100, currency: 'usd', token: 'spt_decline', idempotencyKey: 'k5' })).toMatchObject({ status: 'declined', code: 'insufficient_funds' });
    expect(await provider.charge({ amount: 100, currency: 'usd', token: 'spt_3ds', idempotencyKey: 'k6' })).toEqual({ status: 'requires_action', id: 'pi_3ds', provider: 'stripe', next_action_url: 'https://hooks.stripe.com/3ds' });
  });

  it('finishes the same PaymentIntent after 3-D Secure instead of creating another', async () => {
    seen.length = 0;
    expect(await provider.charge({ amount: 100, currency: 'usd', token: 'spt_3ds', idempotencyKey: 'k7', authenticatedChargeId: 'pi_3ds' })).toMatchObject({ status: 'succeeded', id: 'pi_3ds' });
    expect(seen.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /v1/payment_intents/pi_3ds', 'POST /v1/payment_intents/pi_3ds/confirm']);
    expect(seen[1]!.headers['idempotency-key']).toBe('k7');
  });

  it('refunds through /v1/refunds with the payment intent and an idempotency key', async () => {
    seen.length = 0;
    expect(await provider.refund({ chargeId: 'pi_ok', amount: 1000, currency: 'usd', idempotencyKey: 'refund-1', reason: 'requested_by_customer' })).toEqual({ status: 'succeeded', id: 're_1', amount: 1000, provider: 'stripe' });
    expect(Object.fromEntries(seen[0]!.form)).toEqual({ payment_intent: 'pi_ok', amount: '1000', reason: 'requested_by_customer' });
    expect(seen[0]!.headers['idempotency-key']).toBe('refund-1');
  });

  it('verifies Stripe webhooks with the SDK and rejects a bad signature', () => {
    const payload = JSON.stringify({ id: 'evt_1', object: 'event', type: 'payment_intent.succeeded', data: { object: { id: 'pi_ok' } } });
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_local' });
    expect(provider.verifyWebhook(payload, header).type).toBe('payment_intent.succeeded');
    expect(() => provider.verifyWebhook(payload, header.replace(/v1=[0-9a-f]+/, `v1=${'0'.repeat(64)}`))).toThrow();
  });
});

describe('Payment Element intents against a local Stripe', () => {
  const request = { amount: 4369, currency: 'USD', idempotencyKey: 'checkout:cs_pe:intent:4369:usd', description: 'Checkout cs_pe', metadata: { checkout_session_id: 'cs_pe' } };
  const accept = (token: string, overrides: Partial<{ amount: number; currency: string; metadata: Record<string, string> }> = {}) =>
    provider.charge({ amount: 4369, currency: 'usd', token, idempotencyKey: 'unused', browserConfirmed: true, metadata: { checkout_session_id: 'cs_pe' }, ...overrides });

  it('creates one PaymentIntent with the documented form params, Bearer auth and the Idempotency-Key', async () => {
    seen.length = 0;
    const intent = await provider.createPaymentIntent(request);
    expect(intent).toMatchObject({ id: expect.stringMatching(/^pi_/), clientSecret: expect.stringMatching(/_secret_/), amount: 4369, currency: 'usd', status: 'requires_payment_method' });
    expect(seen).toHaveLength(1);
    expect(`${seen[0]!.method} ${seen[0]!.path}`).toBe('POST /v1/payment_intents');
    expect(Object.fromEntries(seen[0]!.form)).toEqual({
      amount: '4369', currency: 'usd', 'automatic_payment_methods[enabled]': 'true', description: 'Checkout cs_pe', 'metadata[checkout_session_id]': 'cs_pe',
    });
    expect(seen[0]!.headers['idempotency-key']).toBe('checkout:cs_pe:intent:4369:usd');
    expect(seen[0]!.headers.authorization).toBe('Bearer sk_test_local');
    expect(seen[0]!.headers['content-type']).toContain('application/x-www-form-urlencoded');
    // The same key is the same intent (a page reload); Stripe replays its first answer.
    expect((await provider.createPaymentIntent(request)).id).toBe(intent.id);
    expect(stripe.intents.size).toBe(1);
  });

  it('accepts a browser-confirmed intent only after retrieving it: paid, same amount, currency and session', async () => {
    const intent = await provider.createPaymentIntent({ ...request, idempotencyKey: 'accept-1' });
    expect(await accept(intent.id)).toMatchObject({ status: 'declined', code: 'payment_incomplete', message: expect.stringContaining('requires_payment_method') });
    stripe.setStatus(intent.id, 'requires_action');
    expect(await accept(intent.id)).toMatchObject({ status: 'declined', code: 'payment_incomplete', message: expect.stringContaining('authenticating') });
    stripe.setStatus(intent.id, 'succeeded');
    seen.length = 0;
    expect(await accept(intent.id)).toEqual({ status: 'succeeded', id: intent.id, amount: 4369, currency: 'usd', provider: 'stripe' });
    // Only a retrieve: nothing is created or confirmed on the server side.
    expect(seen.map((seenRequest) => `${seenRequest.method} ${seenRequest.path}`)).toEqual([`GET /v1/payment_intents/${intent.id}`]);
    expect(seen[0]!.headers.authorization).toBe('Bearer sk_test_local');
    expect(await accept(intent.id, { amount: 4368 })).toMatchObject({ status: 'declined', code: 'intent_mismatch' });
    expect(await accept(intent.id, { currency: 'eur' })).toMatchObject({ status: 'declined', code: 'intent_mismatch' });
    expect(await accept(intent.id, { metadata: { checkout_session_id: 'cs_other' } })).toMatchObject({ status: 'declined', code: 'intent_mismatch', message: expect.stringContaining('not created for this checkout') });
    stripe.setStatus(intent.id, 'requires_capture');
    expect(await accept(intent.id)).toMatchObject({ status: 'succeeded' });
    expect(await accept('pi_missing')).toMatchObject({ status: 'declined', code: 'invalid_token' });
    expect(await accept('spt_ok')).toMatchObject({ status: 'declined', code: 'invalid_token' });
  });
});

const LIVE_KEY = process.env.STRIPE_SECRET_KEY;
describe.skipIf(!LIVE_KEY?.startsWith('sk_test_'))('Stripe adapter live (test mode, STRIPE_SECRET_KEY set)', () => {
  it('mints a test SPT from pm_card_visa and charges it', async () => {
    const stripe = new Stripe(LIVE_KEY!, { apiVersion: STRIPE_SPT_API_VERSION as Stripe.StripeConfig['apiVersion'] });
    const token = await stripe.rawRequest('POST', '/v1/test_helpers/shared_payment/granted_tokens', {
      payment_method: 'pm_card_visa', usage_limits: { currency: 'usd', max_amount: 5000, expires_at: Math.floor(Date.now() / 1000) + 3600 },
    }) as { id: string };
    const live = new StripePaymentsProvider({ secretKey: LIVE_KEY! });
    expect(await live.charge({ amount: 1234, currency: 'usd', token: token.id, idempotencyKey: `live-${token.id}` })).toMatchObject({ status: 'succeeded' });
  });
});

describe('POST /stripe/webhooks', () => {
  it('accepts events signed with STRIPE_WEBHOOK_SECRET and refuses others', async () => {
    const { startTestServer } = await import('../../helpers/server.ts');
    const { TEA_SHOP } = await import('../../helpers/paths.ts');
    const shop = await startTestServer({ merchant: TEA_SHOP, env: { STRIPE_SECRET_KEY: 'sk_test_unused', STRIPE_WEBHOOK_SECRET: 'whsec_route' } });
    try {
      const payload = JSON.stringify({ id: 'evt_2', object: 'event', type: 'charge.refunded', data: { object: { id: 'ch_1' } } });
      const post = (signature: string) => fetch(`${shop.url}/stripe/webhooks`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature }, body: payload });
      expect((await post(Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_route' }))).status).toBe(200);
      expect((await post(Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_other' }))).status).toBe(400);
    } finally {
      await shop.stop();
    }
  });
});

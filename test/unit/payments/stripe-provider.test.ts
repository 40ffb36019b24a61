import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRIPE_SPT_API_VERSION, StripePaymentsProvider } from '../../../src/payments/index.ts';

interface Seen { method: string; path: string; headers: Record<string, string | string[] | undefined>; form: URLSearchParams }

/**
 * A local stand-in for api.stripe.com that answers like Stripe and records the exact
 * form-encoded requests, so the adapter is checked against what Stripe documents.
 */
const seen: Seen[] = [];
const tokens: Record<string, object> = {
  spt_ok: { id: 'spt_ok', object: 'shared_payment.granted_token', usage_limits: { currency: 'usd', max_amount: 10_000, expires_at: 4_102_444_800 } },
  spt_small: { id: 'spt_small', object: 'shared_payment.granted_token', usage_limits: { currency: 'usd', max_amount: 500, expires_at: 4_102_444_800 } },
  spt_eur: { id: 'spt_eur', object: 'shared_payment.granted_token', usage_limits: { currency: 'eur', max_amount: 10_000, expires_at: 4_102_444_800 } },
  spt_old: { id: 'spt_old', object: 'shared_payment.granted_token', usage_limits: { currency: 'usd', max_amount: 10_000, expires_at: 1_000 } },
  spt_decline: { id: 'spt_decline', object: 'shared_payment.granted_token', usage_limits: { currency: 'usd', max_amount: 10_000, expires_at: 4_102_444_800 } },
  spt_3ds: { id: 'spt_3ds', object: 'shared_payment.granted_token', usage_limits: { currency: 'usd', max_amount: 10_000, expires_at: 4_102_444_800 } },
};
let server: Server;
let provider: StripePaymentsProvider;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const url = new URL(request.url!, 'http://x');
      seen.push({ method: request.method!, path: url.pathname, headers: request.headers, form: new URLSearchParams(body) });
      const send = (status: number, json: object) => response.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': 'req_test' }).end(JSON.stringify(json));
      const tokenMatch = /^\/v1\/shared_payment\/granted_tokens\/(.+)$/.exec(url.pathname);
      if (request.method === 'GET' && tokenMatch) {
        const token = tokens[decodeURIComponent(tokenMatch[1]!)];
        return token ? send(200, token) : send(404, { error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such token' } });
      }
      const form = new URLSearchParams(body);
      if (request.method === 'POST' && url.pathname === '/v1/payment_intents') {
        const spt = form.get('payment_method_data[shared_payment_granted_token]');
        if (spt === 'spt_decline') return send(402, { error: { type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' } });
        if (spt === 'spt_3ds') return send(200, { id: 'pi_3ds', object: 'payment_intent', status: 'requires_action', amount: Number(form.get('amount')), currency: form.get('currency'), next_action: { type: 'redirect_to_url', redirect_to_url: { url: 'https://hooks.stripe.com/3ds' } } });
        return send(200, { id: 'pi_ok', object: 'payment_intent', status: 'succeeded', amount: Number(form.get('amount')), currency: form.get('currency') });
      }
      if (request.method === 'GET' && url.pathname === '/v1/payment_intents/pi_3ds') return send(200, { id: 'pi_3ds', object: 'payment_intent', status: 'requires_confirmation', amount: 100, currency: 'usd' });
      if (request.method === 'POST' && url.pathname === '/v1/payment_intents/pi_3ds/confirm') return send(200, { id: 'pi_3ds', object: 'payment_intent', status: 'succeeded', amount: 100, currency: 'usd' });
      if (request.method === 'POST' && url.pathname === '/v1/refunds') return send(200, { id: 're_1', object: 'refund', status: 'succeeded', amount: Number(form.get('amount')), payment_intent: form.get('payment_intent') });
      send(404, { error: { type: 'invalid_request_error', message: 'unknown path' } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  provider = new StripePaymentsProvider({ secretKey: 'sk_test_local', webhookSecret: 'whsec_local', host: '127.0.0.1', port: (server.address() as AddressInfo).port, protocol: 'http' });
});
afterAll(() => server.close());

describe('Stripe adapter against a local Stripe', () => {
  it('checks the token, then confirms one PaymentIntent from the SPT with the idempotency key', async () => {
    seen.length = 0;
    const result = await provider.charge({ amount: 4369, currency: 'USD', token: 'spt_ok', idempotencyKey: 'checkout:cs_1:abc', metadata: { checkout_session_id: 'cs_1' } });
    expect(result).toEqual({ status: 'succeeded', id: 'pi_ok', amount: 4369, currency: 'usd', provider: 'stripe' });
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

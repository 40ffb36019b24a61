import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest { method: string; path: string; headers: IncomingHttpHeaders; form: URLSearchParams }

export interface FakeIntent {
  id: string; object: 'payment_intent'; status: string; amount: number; currency: string; client_secret: string;
  description: string | null; metadata: Record<string, string>; automatic_payment_methods: { enabled: boolean } | null;
  next_action?: object | null; last_payment_error?: object | null;
}

type Reply = { status: number; body: object; headers?: Record<string, string> };

const SPT_LIMITS = { currency: 'usd', max_amount: 10_000, expires_at: 4_102_444_800 };
const TOKENS: Record<string, object> = {
  spt_ok: { usage_limits: SPT_LIMITS },
  spt_small: { usage_limits: { ...SPT_LIMITS, max_amount: 500 } },
  spt_eur: { usage_limits: { ...SPT_LIMITS, currency: 'eur' } },
  spt_old: { usage_limits: { ...SPT_LIMITS, expires_at: 1_000 } },
  spt_decline: { usage_limits: SPT_LIMITS },
  spt_3ds: { usage_limits: SPT_LIMITS },
};

const error = (status: number, type: string, message: string, extra: object = {}): Reply => ({ status, body: { error: { type, message, ...extra } } });

/**
 * A local stand-in for api.stripe.com: it answers like Stripe (form-encoded requests, JSON
 * objects, error envelopes, Idempotency-Key replay and reuse errors, Bearer auth) and records
 * every request, so tests check the exact parameters Stripe documents. PaymentIntents are kept in
 * memory; the browser's Stripe.js confirms them with the publishable key and client secret.
 */
export async function startFakeStripe(keys: { secretKey: string; publishableKey?: string }) {
  const seen: SeenRequest[] = [];
  const intents = new Map<string, FakeIntent>();
  const idempotent = new Map<string, { body: string; reply: Reply }>();
  let next = 0;

  function createIntent(form: URLSearchParams): Reply {
    const spt = form.get('payment_method_data[shared_payment_granted_token]');
    const amount = Number(form.get('amount')), currency = form.get('currency')!;
    if (spt === 'spt_decline') return error(402, 'card_error', 'Your card has insufficient funds.', { code: 'card_declined', decline_code: 'insufficient_funds' });
    if (spt === 'spt_3ds') return { status: 200, body: { id: 'pi_3ds', object: 'payment_intent', status: 'requires_action', amount, currency, next_action: { type: 'redirect_to_url', redirect_to_url: { url: 'https://hooks.stripe.com/3ds' } } } };
    // Each charge is its own PaymentIntent (orders key payments by id); a replay returns the same one.
    if (spt) return { status: 200, body: { id: `pi_spt${++next}`, object: 'payment_intent', status: 'succeeded', amount, currency } };
    if (!Number.isInteger(amount) || amount < 50 || !/^[a-z]{3}$/.test(currency)) return error(400, 'invalid_request_error', 'Invalid amount or currency.', { param: 'amount' });
    const id = `pi_fake${++next}`;
    const metadata: Record<string, string> = {};
    for (const [key, value] of form) { const match = /^metadata\[(.+)\]$/.exec(key); if (match) metadata[match[1]!] = value; }
    const intent: FakeIntent = {
      id, object: 'payment_intent', status: 'requires_payment_method', amount, currency, client_secret: `${id}_secret_${id.length}x`,
      description: form.get('description'), metadata, automatic_payment_methods: form.get('automatic_payment_methods[enabled]') === 'true' ? { enabled: true } : null,
    };
    intents.set(id, intent);
    return { status: 200, body: intent };
  }

  function confirmIntent(intent: FakeIntent, form: URLSearchParams): Reply {
    if (intent.status === 'succeeded' || intent.status === 'requires_capture') return error(400, 'invalid_request_error', `This PaymentIntent's status is ${intent.status}.`, { code: 'payment_intent_unexpected_state' });
    const method = form.get('payment_method') ?? 'pm_card_visa';
    if (method === 'pm_card_chargeDeclined') {
      intent.status = 'requires_payment_method';
      intent.last_payment_error = { code: 'card_declined', message: 'Your card was declined.' };
      return error(402, 'card_error', 'Your card was declined.', { code: 'card_declined', decline_code: 'generic_decline', payment_intent: intent });
    }
    if (method === 'pm_card_authenticationRequired') {
      intent.status = 'requires_action';
      intent.next_action = { type: 'use_stripe_sdk' };
    } else intent.status = 'succeeded';
    return { status: 200, body: intent };
  }

  function route(method: string, path: string, headers: IncomingHttpHeaders, form: URLSearchParams): Reply {
    if (method === 'GET' && path === '/v1/payment_intents/pi_3ds') return { status: 200, body: { id: 'pi_3ds', object: 'payment_intent', status: 'requires_confirmation', amount: 100, currency: 'usd' } };
    if (method === 'POST' && path === '/v1/payment_intents/pi_3ds/confirm') return { status: 200, body: { id: 'pi_3ds', object: 'payment_intent', status: 'succeeded', amount: 100, currency: 'usd' } };
    const token = /^\/v1\/shared_payment\/granted_tokens\/(.+)$/.exec(path);
    if (method === 'GET' && token) {
      const id = decodeURIComponent(token[1]!);
      return TOKENS[id] ? { status: 200, body: { id, object: 'shared_payment.granted_token', ...TOKENS[id] } } : error(404, 'invalid_request_error', 'No such token', { code: 'resource_missing' });
    }
    if (method === 'POST' && path === '/v1/payment_intents') return createIntent(form);
    const one = /^\/v1\/payment_intents\/([^/]+)(\/confirm)?$/.exec(path);
    if (one) {
      const intent = intents.get(decodeURIComponent(one[1]!));
      if (!intent) return error(404, 'invalid_request_error', `No such payment_intent: '${one[1]}'`, { code: 'resource_missing', param: 'intent' });
      if (method === 'GET' && !one[2]) return { status: 200, body: intent };
      if (method === 'POST' && one[2]) return confirmIntent(intent, form);
    }
    if (method === 'POST' && path === '/v1/refunds') return { status: 200, body: { id: 're_1', object: 'refund', status: 'succeeded', amount: Number(form.get('amount')), payment_intent: form.get('payment_intent') } };
    return error(404, 'invalid_request_error', `Unrecognized request URL (${method}: ${path}).`);
  }

  /** The secret key may do anything; the publishable key only confirms an intent whose client secret it holds (as Stripe.js does). */
  function authorized(path: string, headers: IncomingHttpHeaders, form: URLSearchParams): boolean {
    if (headers.authorization === `Bearer ${keys.secretKey}`) return true;
    const confirm = /^\/v1\/payment_intents\/([^/]+)\/confirm$/.exec(path);
    const key = form.get('key') ?? headers.authorization?.replace(/^Bearer /, '');
    return Boolean(confirm && keys.publishableKey && key === keys.publishableKey && intents.get(confirm[1]!)?.client_secret === form.get('client_secret'));
  }

  /** Fault hooks: a request to hold (a server killed mid-call), or 5xx answers to give instead of processing. */
  const holds: Array<{ method: string; path: string; arrived: () => void; decision: Promise<'process' | 'drop'> }> = [];
  const failures: Array<{ method: string; path: string; status: number; processed: boolean }> = [];
  /** Every request the fake actually executed or replayed (not held-and-dropped, not failed on purpose). */
  const processed: Array<{ method: string; path: string; key: string | undefined; status: number; replayed: boolean; body: object }> = [];

  async function handle(request: IncomingMessage, response: ServerResponse, body: string): Promise<void> {
    const path = new URL(request.url!, 'http://x').pathname;
    const form = new URLSearchParams(body);
    seen.push({ method: request.method!, path, headers: request.headers, form });
    const held = holds.findIndex((hold) => hold.method === request.method && hold.path === path);
    if (held >= 0) {
      const [hold] = holds.splice(held, 1);
      hold!.arrived();
      if (await hold!.decision === 'drop') return void response.destroy();
    }
    const failing = failures.findIndex((failure) => failure.method === request.method && failure.path === path);
    const failure = failing >= 0 ? failures.splice(failing, 1)[0] : undefined;
    if (failure && !failure.processed) {
      return void response.writeHead(failure!.status, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: { type: 'api_error', message: 'An unknown error occurred (fake outage).' } }));
    }
    const key = request.headers['idempotency-key'] as string | undefined;
    let reply: Reply;
    let replayed = false;
    if (!authorized(path, request.headers, form)) reply = error(401, 'invalid_request_error', 'Invalid API Key provided.');
    else if (key && idempotent.has(`${path} ${key}`)) {
      const earlier = idempotent.get(`${path} ${key}`)!;
      replayed = earlier.body === body;
      reply = replayed ? { ...earlier.reply, headers: { 'Idempotent-Replayed': 'true' } }
        : error(400, 'idempotency_error', `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`);
    } else {
      reply = route(request.method!, path, request.headers, form);
      if (key && request.method === 'POST') idempotent.set(`${path} ${key}`, { body, reply: { status: reply.status, body: JSON.parse(JSON.stringify(reply.body)) } });
    }
    processed.push({ method: request.method!, path, key, status: reply.status, replayed, body: reply.body });
    if (failure) return void response.writeHead(failure.status, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: { type: 'api_error', message: 'An unknown error occurred (fake outage after processing).' } }));
    // A held request answered after its caller died goes nowhere, as it would at Stripe.
    if (!response.destroyed) response.writeHead(reply.status, { 'Content-Type': 'application/json', 'Request-Id': `req_fake${seen.length}`, ...reply.headers }).end(JSON.stringify(reply.body));
  }

  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => void handle(request, response, body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`, port, seen, intents, processed,
    /**
     * Holds the next `method path` request: `arrived` resolves when it comes in; `release('process')`
     * then executes it (as Stripe would after its caller died), `release('drop')` closes the connection unprocessed.
     */
    holdNext: (method: string, path: string) => {
      let arrived!: () => void, release!: (how: 'process' | 'drop') => void;
      const came = new Promise<void>((resolve) => (arrived = resolve));
      const decision = new Promise<'process' | 'drop'>((resolve) => (release = resolve));
      holds.push({ method, path, arrived, decision });
      return { arrived: came, release };
    },
    /**
     * The next `times` `method path` requests answer `status` (an api_error): unprocessed, or with
     * `processed` executed (or replayed) first, as when Stripe charges and then fails to answer.
     */
    failNext: (method: string, path: string, status: number, times = 1, processed = false) => {
      for (let index = 0; index < times; index++) failures.push({ method, path, status, processed });
    },
    /** What a test does in Stripe's Dashboard or what a buyer's bank does: move an intent to a status. */
    setStatus: (id: string, status: string) => { intents.get(id)!.status = status; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeStripe = Awaited<ReturnType<typeof startFakeStripe>>;

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEA_SHOP } from '../helpers/paths.ts';
import { startTestServer } from '../helpers/server.ts';
import { ACP_KEY, HAVE_SPECS, type Body, QC_ADDRESS, SKIP_REASON, acpClient, example, schemaErrors } from '../helpers/acp.ts';

if (!HAVE_SPECS) console.warn(SKIP_REASON);

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ merchant: TEA_SHOP });
});
afterAll(() => server?.stop());

const VERSIONS = ['2026-04-17', '2025-09-29'] as const;
const itemsKey = (version: string) => (version === '2025-09-29' ? 'items' : 'line_items');
const createBody = (version: string, extra: Record<string, unknown> = {}) => version === '2025-09-29'
  ? { items: [{ id: 'HL-SEN-50', quantity: 2 }], fulfillment_address: QC_ADDRESS, buyer: { first_name: 'Camille', last_name: 'Roy', email: 'camille@example.com' }, ...extra }
  : { currency: 'cad', line_items: [{ id: 'HL-SEN-50', quantity: 2 }], capabilities: { interventions: { supported: ['3ds'] } }, buyer: { email: 'camille@example.com' }, fulfillment_details: { name: 'Camille Roy', address: QC_ADDRESS }, ...extra };
const payment = (version: string, token = 'spt_test_visa') => version === '2025-09-29'
  ? { payment_data: { token, provider: 'stripe' } }
  : { payment_data: { handler_id: 'card_spt', instrument: { type: 'card', credential: { type: 'spt', token } } } };

describe.skipIf(!HAVE_SPECS).each(VERSIONS)('ACP %s responses validate against the official JSON Schema', (version) => {
  const expectValid = (name: string, body: unknown) => expect(schemaErrors(version, name, body), JSON.stringify(body).slice(0, 400)).toEqual([]);

  it('create -> update -> get -> complete, each a valid session; the order exists', async () => {
    const acp = acpClient(server.url, version);
    const created = await acp('POST', '/checkout_sessions', createBody(version));
    expect(created.status).toBe(201);
    expectValid('CheckoutSession', created.body);
    expect(created.body.status).toBe('ready_for_payment');
    const updated = await acp('POST', `/checkout_sessions/${created.body.id}`, version === '2025-09-29' ? { items: [{ id: 'HL-SEN-50', quantity: 4 }] } : { line_items: [{ id: 'HL-SEN-50', quantity: 4 }], discounts: { codes: ['NOPE'] } });
    expect(updated.status).toBe(200);
    expectValid('CheckoutSession', updated.body);
    const fetched = await acp('GET', `/checkout_sessions/${created.body.id}`);
    expect(fetched.status).toBe(200);
    expectValid('CheckoutSession', fetched.body);
    const completed = await acp('POST', `/checkout_sessions/${created.body.id}/complete`, payment(version));
    expect(completed.status).toBe(200);
    expectValid('CheckoutSessionWithOrder', completed.body);
    expect(completed.body.status).toBe('completed');
    const number = version === '2025-09-29' ? completed.body.order.id.replace(/^ord_/, '') : completed.body.order.order_number;
    expect((await server.runtime.orders.getOrder(number))?.total).toBe(completed.body.totals.find((total: { type: string }) => total.type === 'total').amount);
    const again = await acp('POST', `/checkout_sessions/${created.body.id}/cancel`);
    expect(again.status).toBe(405);
    expectValid('Error', again.body);
  });

  it('cancel returns a valid canceled session; unknown sessions are a 404 Error', async () => {
    const acp = acpClient(server.url, version);
    const created = await acp('POST', '/checkout_sessions', createBody(version));
    const canceled = await acp('POST', `/checkout_sessions/${created.body.id}/cancel`, version === '2025-09-29' ? undefined : example('2026-04-17', 'cancel_checkout_session_request'));
    expect(canceled.status).toBe(200);
    expect(canceled.body.status).toBe('canceled');
    expectValid('CheckoutSession', canceled.body);
    const missing = await acp('GET', '/checkout_sessions/cs_nope');
    expect(missing.status).toBe(404);
    expectValid('Error', missing.body);
  });

  it('business problems are messages on a valid 2xx session: out of stock, bad quantity, unknown item, declined card', async () => {
    const acp = acpClient(server.url, version);
    const problems = await acp('POST', '/checkout_sessions', createBody(version, { [itemsKey(version)]: [{ id: 'HL-SEN-100', quantity: 1 }, { id: 'nope', quantity: 1 }, { id: 'HL-SEN-50', quantity: 2.5 }] }));
    expect(problems.status).toBe(201);
    expectValid('CheckoutSession', problems.body);
    expect(problems.body.status).toBe('not_ready_for_payment');
    expect(problems.body.messages.map((message: { code: string }) => message.code)).toEqual(expect.arrayContaining(['out_of_stock', 'invalid']));
    const ok = await acp('POST', '/checkout_sessions', createBody(version));
    const declined = await acp('POST', `/checkout_sessions/${ok.body.id}/complete`, payment(version, 'spt_test_card_declined'));
    expect(declined.status).toBe(200);
    expectValid('CheckoutSession', declined.body);
    expect(declined.body.messages[0].code).toBe('payment_declined');
    const threeDs = await acp('POST', `/checkout_sessions/${ok.body.id}/complete`, payment(version, 'spt_test_3ds'));
    expectValid('CheckoutSession', threeDs.body);
    expect(threeDs.body.messages.map((message: { code: string }) => message.code)).toContain('requires_3ds');
  });

  it('API-Version missing or unsupported and bad bearer keys are flat Errors', async () => {
    const missing = await fetch(`${server.url}/acp/checkout_sessions/cs_x`, { headers: { Authorization: `Bearer ${ACP_KEY}` } });
    expect(missing.status).toBe(400);
    const body = await missing.json();
    expect(body).toMatchObject({ code: 'missing_api_version', supported_versions: ['2025-09-29', '2026-04-17'] });
    expect(schemaErrors('2026-04-17', 'Error', body)).toEqual([]);
    const malformed = await fetch(`${server.url}/acp/checkout_sessions`, { method: 'POST', headers: { Authorization: `Bearer ${ACP_KEY}`, 'API-Version': version, 'Idempotency-Key': 'bad-json', 'Content-Type': 'application/json' }, body: '{"line_items": [' });
    expect(malformed.status).toBe(400);
    expect(schemaErrors(version, 'Error', await malformed.json())).toEqual([]);
    const unsupported = await acpClient(server.url, '2024-01-01')('GET', '/checkout_sessions/cs_x');
    expect(unsupported.body.code).toBe('unsupported_api_version');
    const unauthorized = await acpClient(server.url, version)('GET', '/checkout_sessions/cs_x', undefined, { Authorization: 'Bearer wrong' });
    expect(unauthorized.status).toBe(401);
    expectValid('Error', unauthorized.body);
  });
});

describe.skipIf(!HAVE_SPECS)('ACP 2026-04-17 specifics', () => {
  it('accepts the spec example requests (with a real item id)', async () => {
    const acp = acpClient(server.url, '2026-04-17');
    for (const name of ['create_checkout_session_request', 'create_checkout_session_request_with_first_touch_attribution']) {
      const body = { ...example('2026-04-17', name), line_items: [{ id: 'HL-SEN-50' }] };
      expect(schemaErrors('2026-04-17', 'CheckoutSessionCreateRequest', body)).toEqual([]);
      const created = await acp('POST', '/checkout_sessions', body);
      expect(created.status, name).toBe(201);
      expect(schemaErrors('2026-04-17', 'CheckoutSession', created.body)).toEqual([]);
      expect(created.body.line_items[0].quantity).toBe(1);
      const update = example('2026-04-17', 'update_checkout_session_request');
      const updated = await acp('POST', `/checkout_sessions/${created.body.id}`, update);
      expect(updated.status).toBe(200);
      expect(schemaErrors('2026-04-17', 'CheckoutSession', updated.body)).toEqual([]);
    }
    const created = await acp('POST', '/checkout_sessions', { ...example('2026-04-17', 'create_checkout_session_request'), line_items: [{ id: 'HL-SEN-50' }], fulfillment_details: { name: 'Camille Roy', address: QC_ADDRESS } });
    const complete = { ...example('2026-04-17', 'complete_checkout_session_request') } as Body;
    complete.payment_data = { ...complete.payment_data, instrument: { type: 'card', credential: { type: 'spt', token: 'spt_test_visa' } } };
    const completed = await acp('POST', `/checkout_sessions/${created.body.id}/complete`, complete);
    expect(completed.body.status).toBe('completed');
    expect(schemaErrors('2026-04-17', 'CheckoutSessionWithOrder', completed.body)).toEqual([]);
  });

  it('runs the 3-D Secure round trip with the spec example requests', async () => {
    const acp = acpClient(server.url, '2026-04-17');
    const complete3ds = (token: string) => ({ payment_data: { handler_id: 'card_spt', instrument: { type: 'card', credential: { type: 'spt', token } } } });
    const created = await acp('POST', '/checkout_sessions', createBody('2026-04-17'));
    const challenged = await acp('POST', `/checkout_sessions/${created.body.id}/complete`, complete3ds('spt_test_3ds'));
    expect(challenged.body.status).toBe('authentication_required');
    expect(schemaErrors('2026-04-17', 'CheckoutSession', challenged.body)).toEqual([]);
    const missing = await acp('POST', `/checkout_sessions/${created.body.id}/complete`, complete3ds('spt_test_3ds'));
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ type: 'invalid_request', code: 'requires_3ds', param: '$.authentication_result' });
    expect(schemaErrors('2026-04-17', 'Error', missing.body)).toEqual([]);
    const authenticated = example('2026-04-17', 'complete_session_with_authentication_result_request');
    const done = await acp('POST', `/checkout_sessions/${created.body.id}/complete`, authenticated);
    expect(done.body.status).toBe('completed');
    expect(schemaErrors('2026-04-17', 'CheckoutSessionWithOrder', done.body)).toEqual([]);
    const other = await acp('POST', '/checkout_sessions', createBody('2026-04-17'));
    await acp('POST', `/checkout_sessions/${other.body.id}/complete`, complete3ds('spt_test_3ds'));
    const denied = await acp('POST', `/checkout_sessions/${other.body.id}/complete`, example('2026-04-17', 'complete_session_with_denied_authentication_request'));
    expect(denied.body).toMatchObject({ status: 'ready_for_payment', messages: [{ type: 'error', code: 'payment_declined' }] });
    expect(schemaErrors('2026-04-17', 'CheckoutSession', denied.body)).toEqual([]);
  });

  it('accepts the 2025-09-29 example requests, including a decimal quantity (refused as a message)', async () => {
    const acp = acpClient(server.url, '2025-09-29');
    const body = { ...example('2025-09-29', 'create_checkout_session_request') } as Body;
    body.items = [{ id: 'HL-SEN-50', quantity: 2.5 }];
    const created = await acp('POST', '/checkout_sessions', body);
    expect(created.status).toBe(201);
    expect(schemaErrors('2025-09-29', 'CheckoutSession', created.body)).toEqual([]);
    expect(created.body.messages[0]).toMatchObject({ type: 'error', code: 'invalid', param: '$.items[0].quantity' });
    const updated = await acp('POST', `/checkout_sessions/${created.body.id}`, example('2025-09-29', 'update_checkout_session_request'));
    expect(updated.status).toBe(200);
    expect(schemaErrors('2025-09-29', 'CheckoutSession', updated.body)).toEqual([]);
  });

  it('serves discovery and the feed, both valid', async () => {
    const discovery = await fetch(`${server.url}/.well-known/acp.json`);
    expect(discovery.headers.get('cache-control')).toContain('max-age=3600');
    expect(schemaErrors('2026-04-17', 'DiscoveryResponse', await discovery.json())).toEqual([]);
    const feed = await fetch(`${server.url}/acp/feed`, { headers: { Authorization: `Bearer ${ACP_KEY}`, 'API-Version': '2026-04-17' } });
    const lines = (await feed.text()).trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.length).toBe(5);
    for (const product of lines) expect(schemaErrors('2026-04-17', 'Product', product, 'schema.feed.json')).toEqual([]);
  });
});

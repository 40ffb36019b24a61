import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEA_SHOP } from '../helpers/paths.ts';
import { startTestServer } from '../helpers/server.ts';
import { QC_ADDRESS, acpClient, type Body } from '../helpers/acp.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ merchant: TEA_SHOP });
});
afterAll(() => server?.stop());

const session = (id = 'HL-SEN-50', quantity = 1) => ({ currency: 'cad', line_items: [{ id, quantity }], capabilities: { interventions: { supported: [] } }, buyer: { email: 'race@example.com' }, fulfillment_details: { name: 'Race Test', address: QC_ADDRESS } });
const pay = { payment_data: { handler_id: 'card_spt', instrument: { type: 'card', credential: { type: 'spt', token: 'spt_test_visa' } } } };
const count = async (sql: string, ...args: Array<string | number>) => Number((await server.runtime.sql.get<{ n: number }>(sql, args))!.n);

describe('idempotency (ACP 2026-04-17)', () => {
  it('replays the same key and body with the original status and Idempotent-Replayed: true', async () => {
    const acp = acpClient(server.url, '2026-04-17');
    const first = await acp('POST', '/checkout_sessions', session(), { 'Idempotency-Key': 'replay-1' });
    // Same body with keys in another order is the same request.
    const reordered = Object.fromEntries(Object.entries(session()).reverse());
    const second = await acp('POST', '/checkout_sessions', reordered, { 'Idempotency-Key': 'replay-1' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.headers.get('idempotency-key')).toBe('replay-1');
    expect(second.body).toEqual(first.body);
    expect(await count("SELECT COUNT(*) AS n FROM checkout_sessions WHERE id = ?", first.body.id)).toBe(1);
  });

  it('refuses a different body under the same key with 422, null differing from absent', async () => {
    const acp = acpClient(server.url, '2026-04-17');
    const created = await acp('POST', '/checkout_sessions', session());
    await acp('POST', `/checkout_sessions/${created.body.id}`, { order_notes: 'x' }, { 'Idempotency-Key': 'conflict-1' });
    const conflict = await acp('POST', `/checkout_sessions/${created.body.id}`, { order_notes: 'x', buyer: null }, { 'Idempotency-Key': 'conflict-1' });
    expect(conflict.status).toBe(422);
    expect(conflict.body).toMatchObject({ type: 'invalid_request', code: 'idempotency_conflict' });
  });

  it('scopes keys per path: the same key on another session is a new request', async () => {
    const acp = acpClient(server.url, '2026-04-17');
    const a = await acp('POST', '/checkout_sessions', session());
    const b = await acp('POST', '/checkout_sessions', session());
    const first = await acp('POST', `/checkout_sessions/${a.body.id}`, { order_notes: 'n' }, { 'Idempotency-Key': 'scoped' });
    const second = await acp('POST', `/checkout_sessions/${b.body.id}`, { order_notes: 'n' }, { 'Idempotency-Key': 'scoped' });
    expect(first.body.id).toBe(a.body.id);
    expect(second.body.id).toBe(b.body.id);
    expect(second.headers.get('idempotent-replayed')).toBeNull();
  });

  it('answers 409 with Retry-After while the first request is in flight, and 400 without a key', async () => {
    const acp = acpClient(server.url, '2026-04-17');
    const results = await Promise.all(Array.from({ length: 20 }, () => acp('POST', '/checkout_sessions', session(), { 'Idempotency-Key': 'race-create' })));
    const statuses = results.map((result) => result.status);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    expect(new Set(results.filter((result) => result.status === 201).map((result) => result.body.id)).size).toBe(1);
    // Deterministic in-flight: a row left by a request still running.
    await server.runtime.sql.run(`INSERT INTO acp_idempotency (scope, key, request_hash, state, started_at, expires_at) VALUES (?, 'busy', 'h', 'in_flight', ?, ?)`,
      ['demo-agent POST /acp/checkout_sessions', Date.now(), Date.now() + 60_000]);
    const busy = await fetch(`${server.url}/acp/checkout_sessions`, { method: 'POST', headers: { Authorization: 'Bearer sk_demo_agent_key', 'API-Version': '2026-04-17', 'Content-Type': 'application/json', 'Idempotency-Key': 'busy' }, body: '{}' });
    expect(busy.status).toBe(422);
    await server.runtime.sql.run(`UPDATE acp_idempotency SET request_hash = ? WHERE key = 'busy'`, [(await import('../../src/surfaces/acp/canonical-json.ts')).bodyHash({}, true)]);
    const busyAgain = await fetch(`${server.url}/acp/checkout_sessions`, { method: 'POST', headers: { Authorization: 'Bearer sk_demo_agent_key', 'API-Version': '2026-04-17', 'Content-Type': 'application/json', 'Idempotency-Key': 'busy' }, body: '{}' });
    expect(busyAgain.status).toBe(409);
    expect(busyAgain.headers.get('retry-after')).toBe('1');
    expect(((await busyAgain.json()) as Body).code).toBe('idempotency_in_flight');
    const noKey = await fetch(`${server.url}/acp/checkout_sessions`, { method: 'POST', headers: { Authorization: 'Bearer sk_demo_agent_key', 'API-Version': '2026-04-17', 'Content-Type': 'application/json' }, body: JSON.stringify(session()) });
    expect(noKey.status).toBe(400);
    expect(((await noKey.json()) as Body).code).toBe('idempotency_key_required');
  });

  it('stores 4xx replies for replay (only 5xx are never stored)', async () => {
    const acp = acpClient(server.url, '2026-04-17');
    const missing = await acp('POST', '/checkout_sessions/cs_missing', { order_notes: 'x' }, { 'Idempotency-Key': 'nf' });
    expect(missing.status).toBe(404);
    const replay = await acp('POST', '/checkout_sessions/cs_missing', { order_notes: 'x' }, { 'Idempotency-Key': 'nf' });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await count(`SELECT COUNT(*) AS n FROM acp_idempotency WHERE state = 'in_flight'`)).toBe(1); // only the hand-made 'busy' row
  });
});

describe('concurrency', () => {
  it('100 concurrent completes of one session -> exactly one charge and one order', async () => {
    const acp = acpClient(server.url, '2026-04-17');
    const created = await acp('POST', '/checkout_sessions', session());
    const chargesBefore = await count(`SELECT COUNT(*) AS n FROM test_provider_operations WHERE kind = 'charge'`);
    const results = await Promise.all(Array.from({ length: 100 }, (_, index) => acp('POST', `/checkout_sessions/${created.body.id}/complete`, pay, { 'Idempotency-Key': index % 2 ? `same-${created.body.id}` : `k-${index}` })));
    expect(results.every((result) => result.status === 200 || result.status === 409)).toBe(true);
    expect((await count(`SELECT COUNT(*) AS n FROM test_provider_operations WHERE kind = 'charge'`)) - chargesBefore).toBe(1);
    const after = await acp('GET', `/checkout_sessions/${created.body.id}`);
    expect(after.body.status).toBe('completed');
    expect(await count(`SELECT COUNT(*) AS n FROM orders WHERE number = ?`, after.body.order.order_number)).toBe(1);
    expect(results.filter((result) => result.body.status === 'completed').every((result) => result.body.order.id === after.body.order.id)).toBe(true);
  });

  it('200 concurrent sessions on a variant with 10 units -> never more than 10 sold', async () => {
    const repo = server.runtime.catalogRepository;
    const stock = (await repo.findVariant('HL-TET-BLK-08'))!.variant.inventory;
    await repo.adjustInventory('HL-TET-BLK-08', 10 - stock);
    const acp = acpClient(server.url, '2026-04-17');
    const sessions = await Promise.all(Array.from({ length: 200 }, () => acp('POST', '/checkout_sessions', session('HL-TET-BLK-08'))));
    const ready = sessions.filter((result) => result.body.status === 'ready_for_payment');
    expect(ready.length).toBeLessThanOrEqual(10);
    const completes = await Promise.all(sessions.map((result) => acp('POST', `/checkout_sessions/${result.body.id}/complete`, pay)));
    const sold = completes.filter((result) => result.body.status === 'completed').length;
    expect(sold).toBeLessThanOrEqual(10);
    expect(sold).toBe(ready.length);
    expect((await repo.findVariant('HL-TET-BLK-08'))!.variant.inventory).toBe(10 - sold);
    // Canceling an unpaid session gives its units back.
    const extra = await acp('POST', '/checkout_sessions', session('HL-SEN-50', 3));
    const stockOf = async () => (await repo.findVariant('HL-SEN-50'))!.variant.inventory;
    const before = await stockOf();
    // An update that keeps the items keeps exactly the same hold; a smaller quantity gives the rest back.
    await acp('POST', `/checkout_sessions/${extra.body.id}`, { order_notes: 'ring twice' });
    expect(await stockOf()).toBe(before);
    await acp('POST', `/checkout_sessions/${extra.body.id}`, { line_items: [{ id: 'HL-SEN-50', quantity: 1 }] });
    expect(await stockOf()).toBe(before + 2);
    await acp('POST', `/checkout_sessions/${extra.body.id}/cancel`);
    expect(await stockOf()).toBe(before + 3);
  });
});

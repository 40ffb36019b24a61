import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openPostgres, type PgPool } from '../../../src/platform/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMcp } from '../../helpers/mcp.ts';
import { acpClient, type Body } from '../../helpers/acp.ts';
import { DEMO_MERCHANT, tempDir } from '../../helpers/paths.ts';
import { freshPostgresDatabase, POSTGRES_SKIP_REASON } from '../../helpers/postgres.ts';
import { startReplica, type Replica } from '../../helpers/replica.ts';

const database = await freshPostgresDatabase();
const ADDRESS = { name: 'Replica Buyer', line_one: '12 Pine St', city: 'Burlington', state: 'VT', country: 'US', postal_code: '05401' };
const PAY = { payment_data: { handler_id: 'card_spt', instrument: { type: 'card', credential: { type: 'spt', token: 'spt_test_visa' } } } };

describe.skipIf(!database)(`two replicas on one PostgreSQL${database ? '' : ` (skipped: ${POSTGRES_SKIP_REASON})`}`, () => {
  const dirs = [tempDir(), tempDir()];
  const deliveries: Array<{ id: string; type: string; session: string }> = [];
  let receiver: Server;
  let replicas: Replica[] = [];
  let db: PgPool;
  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params)).rows[0].n);

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        const event = JSON.parse(body);
        deliveries.push({ id: String(request.headers['webhook-id']), type: event.type, session: event.data.checkout_session_id });
        response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"received":true}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const env = {
      DATABASE_URL: database!.url, SHOPKEEPER_SECRET: 'replica-test-shared-secret-0123456789abcdef',
      SHOPKEEPER_ACP_WEBHOOK_URL: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`, SHOPKEEPER_ACP_WEBHOOK_SECRET: 'whsec_replicas',
    };
    // Started together: migrations take an advisory lock, the first import wins and the second finds the data.
    replicas = await Promise.all(dirs.map((dir) => startReplica(['--merchant', DEMO_MERCHANT, '--data', dir.path], env)));
    db = openPostgres(database!.url, { max: 2 });
  }, 120_000);

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop('SIGKILL')));
    await db?.end();
    receiver?.close();
    receiver?.closeAllConnections();
    await database?.drop();
    for (const dir of dirs) dir.cleanup();
  });

  it('imported the merchant once, whichever replica got there first', async () => {
    expect(await count('SELECT count(*) AS n FROM products')).toBe(101);
    expect(await count('SELECT count(*) AS n FROM orders')).toBe(336);
  });

  it('completes each checkout once when both replicas receive its complete at the same time: one charge, one order, one webhook', async () => {
    const [a, b] = replicas.map((replica) => acpClient(replica.url, '2026-04-17'));
    const variant = (await db.query("SELECT v.id FROM variants v JOIN products p ON p.id = v.product_id WHERE p.status = 'active' AND v.inventory > 20 AND v.requires_shipping ORDER BY v.id LIMIT 1")).rows[0].id as string;
    const sessions: string[] = [];
    for (let index = 0; index < 6; index++) {
      const client = index % 2 ? b! : a!;
      const created: Body = await client('POST', '/checkout_sessions', { currency: 'usd', line_items: [{ id: variant, quantity: 1 }], capabilities: {}, buyer: { email: `replica-${index}@example.com` }, fulfillment_details: { name: ADDRESS.name, address: ADDRESS } });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      sessions.push(created.body.id);
    }
    const outcomes = await Promise.all(sessions.flatMap((id) => [
      a!('POST', `/checkout_sessions/${id}/complete`, PAY, { 'Idempotency-Key': `same-${id}` }),
      b!('POST', `/checkout_sessions/${id}/complete`, PAY, { 'Idempotency-Key': `same-${id}` }),
      a!('POST', `/checkout_sessions/${id}/complete`, PAY),
      b!('POST', `/checkout_sessions/${id}/complete`, PAY),
    ]));
    expect(outcomes.filter((outcome) => outcome.status >= 500)).toEqual([]);
    for (const [index, id] of sessions.entries()) {
      const mine = outcomes.slice(index * 4, index * 4 + 4);
      const retrieved: Body = await b!('GET', `/checkout_sessions/${id}`);
      expect(retrieved.body.status).toBe('completed');
      // The winner answers completed; a concurrent complete answers 409 (same key, in flight) or
      // complete_in_progress (another key): none charges again, and every completed names one order.
      const completed = mine.filter((outcome) => outcome.status === 200 && outcome.body.status === 'completed');
      expect(completed.length).toBeGreaterThanOrEqual(1);
      expect(new Set(completed.map((outcome) => outcome.body.order.id))).toEqual(new Set([retrieved.body.order.id]));
      expect(mine.every((outcome) => outcome.status === 409 || (outcome.status === 200 && outcome.body.id === id && ['completed', 'complete_in_progress'].includes(outcome.body.status)))).toBe(true);
    }
    expect(await count("SELECT count(*) AS n FROM test_provider_operations WHERE kind = 'charge'")).toBe(sessions.length);
    expect(await count("SELECT count(*) AS n FROM checkout_outbox WHERE type = 'order_created'")).toBe(sessions.length);
    const deadline = Date.now() + 30_000;
    while (deliveries.filter((delivery) => delivery.type === 'order_create').length < sessions.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    await new Promise((resolve) => setTimeout(resolve, 1500)); // a duplicate delivery would arrive by now
    const created = deliveries.filter((delivery) => delivery.type === 'order_create');
    expect(created.map((delivery) => delivery.session).sort()).toEqual([...sessions].sort());
    expect(new Set(created.map((delivery) => delivery.id)).size).toBe(sessions.length);
  }, 120_000);

  it('never sells more than the stock when buyers on both replicas race for the last units', async () => {
    const [a, b] = replicas.map((replica) => acpClient(replica.url, '2026-04-17'));
    const variant = (await db.query("SELECT v.id FROM variants v JOIN products p ON p.id = v.product_id WHERE p.status = 'active' AND v.inventory_policy = 'deny' AND v.requires_shipping ORDER BY v.id DESC LIMIT 1")).rows[0].id as string;
    await db.query('UPDATE variants SET inventory = 3 WHERE id = $1', [variant]);
    const attempts = await Promise.all(Array.from({ length: 10 }, async (_, index) => {
      const client = index % 2 ? b! : a!;
      const created: Body = await client('POST', '/checkout_sessions', { currency: 'usd', line_items: [{ id: variant, quantity: 1 }], capabilities: {}, buyer: { email: `last-${index}@example.com` }, fulfillment_details: { name: ADDRESS.name, address: ADDRESS } });
      if (created.status !== 201 || created.body.status !== 'ready_for_payment') return 'not offered';
      const done: Body = await (index % 2 ? a! : b!)('POST', `/checkout_sessions/${created.body.id}/complete`, PAY);
      return done.status === 200 && done.body.status === 'completed' ? 'sold' : 'refused';
    }));
    expect(attempts.filter((attempt) => attempt === 'sold')).toHaveLength(3);
    expect(Number((await db.query('SELECT inventory FROM variants WHERE id = $1', [variant])).rows[0].inventory)).toBe(0);
  }, 120_000);

  it('applies a return once when the shopper\'s confirmation reaches both replicas', async () => {
    const clients = await Promise.all(replicas.map((replica) => connectMcp(replica.url, 'modern')));
    try {
      const data = (result: { structuredContent?: unknown }) => result.structuredContent as Record<string, Body>;
      const verified = data(await clients[0]!.callTool({ name: 'verify_customer', arguments: { email: 'maya.lefebvre@example.com', order_number: 'NW-10187' } }));
      const token = verified.customer_token as string;
      const order = data(await clients[1]!.callTool({ name: 'get_order', arguments: { customer_token: token, order_number: 'NW-10187' } }));
      const args = { customer_token: token, order_number: 'NW-10187', item_ids: [order.items[0].item_id], payment_method_id: order.payments[0].payment_method_id, confirm: true };
      const results = await Promise.all(clients.flatMap((client) => [client.callTool({ name: 'return_items', arguments: args }), client.callTool({ name: 'return_items', arguments: args })]));
      expect(results.filter((result) => !result.isError).length).toBeGreaterThanOrEqual(1);
      expect(await count("SELECT count(*) AS n FROM audit_log WHERE subject_id = 'NW-10187' AND action = 'order.return'")).toBe(1);
      expect(data(await clients[1]!.callTool({ name: 'get_order', arguments: { customer_token: token, order_number: 'NW-10187' } })).status_code).toBe('return_requested');
    } finally {
      await Promise.all(clients.map((client) => client.close()));
    }
  }, 120_000);
});

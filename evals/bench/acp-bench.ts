/**
 * ACP checkout throughput: create -> update -> complete flows per second and their p50/p99 at 16
 * concurrent clients, beside a bare Express "hello" endpoint measured in the same run on the same
 * machine. Usage: `npm run bench:acp [seconds]` (default 10 s each).
 */
import express from 'express';
import type { AddressInfo } from 'node:net';
import { startTestServer } from '../../test/helpers/server.ts';
import { fixed, printTable, reportMetrics, runLoad } from './stats.ts';

const seconds = Number(process.argv[2] ?? 10);
const CONCURRENCY = 16;
const ADDRESS = { name: 'Bench Buyer', line_one: '12 Pine St', city: 'Burlington', state: 'VT', country: 'US', postal_code: '05401' };

async function helloServer(): Promise<{ url: string; close: () => void }> {
  const app = express();
  app.get('/hello', (_request, response) => {
    response.json({ hello: 'world' });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

const hello = await helloServer();
const shop = await startTestServer();
try {
  // A variant with stock to spare, so the bench measures checkout, not running out.
  const product = (await shop.runtime.catalogRepository.listProducts({ status: 'active' })).find((candidate) => candidate.variants.some((variant) => variant.inventory_policy === 'deny'))!;
  const variant = product.variants.find((candidate) => candidate.inventory_policy === 'deny')!;
  await shop.runtime.catalogRepository.adjustInventory(variant.id, 10_000_000);
  let counter = 0;
  const headers = (extra: Record<string, string> = {}) => ({ Authorization: 'Bearer sk_demo_agent_key', 'API-Version': '2026-04-17', 'Content-Type': 'application/json', 'Idempotency-Key': `bench-${process.pid}-${counter++}`, ...extra });
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${shop.url}/acp${path}`, { method: 'POST', headers: headers(), body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.json() as Promise<{ id: string; status: string }>;
  };
  const flow = async () => {
    const created = await post('/checkout_sessions', { currency: 'usd', line_items: [{ id: variant.id, quantity: 1 }], capabilities: { interventions: { supported: [] } }, buyer: { email: 'bench@example.com' } });
    await post(`/checkout_sessions/${created.id}`, { fulfillment_details: { name: ADDRESS.name, address: ADDRESS }, discounts: { codes: ['TRAIL10'] } });
    const done = await post(`/checkout_sessions/${created.id}/complete`, { payment_data: { handler_id: 'card_spt', instrument: { type: 'card', credential: { type: 'spt', token: 'spt_test_visa' } } } });
    if (done.status !== 'completed') throw new Error(`complete ended ${done.status}`);
  };
  const helloCall = async () => {
    const response = await fetch(`${hello.url}/hello`);
    if (!response.ok) throw new Error('hello failed');
    await response.json();
  };
  await runLoad(helloCall, { concurrency: CONCURRENCY, seconds: Math.min(2, seconds) });
  const baseline = await runLoad(helloCall, { concurrency: CONCURRENCY, seconds });
  await runLoad(flow, { concurrency: CONCURRENCY, seconds: Math.min(2, seconds) });
  const ours = await runLoad(flow, { concurrency: CONCURRENCY, seconds });
  printTable([
    { endpoint: 'bare Express GET /hello (baseline)', 'ops/s': fixed(baseline.perSecond), 'p50 ms': fixed(baseline.p50, 2), 'p99 ms': fixed(baseline.p99, 2), ops: baseline.calls, errors: baseline.errors },
    { endpoint: 'ACP create -> update -> complete flow', 'ops/s': fixed(ours.perSecond), 'p50 ms': fixed(ours.p50, 2), 'p99 ms': fixed(ours.p99, 2), ops: ours.calls, errors: ours.errors },
  ]);
  console.log(`\n${fixed(ours.perSecond)} checkout flows/s = ${fixed((ours.perSecond * 3) / baseline.perSecond * 100, 1)}% of the hello request rate counting 3 requests per flow; hello is ${fixed(baseline.perSecond / ours.perSecond, 1)}x flows/s; flow p99 ${fixed(ours.p99 / baseline.p99, 1)}x hello p99 (concurrency ${CONCURRENCY}, ${seconds}s each)`);
  reportMetrics('acp', { flows_per_second: ours.perSecond, hello_per_second: baseline.perSecond, flow_p99_ms: ours.p99, hello_p99_ms: baseline.p99, errors: ours.errors });
} finally {
  hello.close();
  await shop.stop();
}

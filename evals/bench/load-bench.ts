/**
 * Mixed traffic for a fixed time against one server: help search, product search, MCP tool calls,
 * ACP checkout flows and chat turns, each from its own pool of concurrent clients. Reports
 * throughput, p50/p99 and errors per route, and heap growth. Usage:
 * `npm run bench:load [seconds] [--postgres]`: the embedded SQLite database by default, a fresh
 * PostgreSQL database (127.0.0.1:5432, or SHOPKEEPER_TEST_POSTGRES_URL) with --postgres.
 */
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { freshPostgresDatabase, POSTGRES_SKIP_REASON } from '../../test/helpers/postgres.ts';
import { startTestServer } from '../../test/helpers/server.ts';
import { fixed, printTable, reportMetrics, runLoad } from './stats.ts';

const args = process.argv.slice(2);
const seconds = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 20);
const postgres = args.includes('--postgres') ? await freshPostgresDatabase() : null;
if (args.includes('--postgres') && !postgres) throw new Error(POSTGRES_SKIP_REASON);
const QUESTIONS = ['can I send back boots I wore once', 'how long does shipping to Canada take', 'délai de remboursement', 'warranty on tents', 'do you price match'];
const PRODUCTS = ['waterproof backpack laptop sleeve', 'rain jacket women', 'tent 2 person', 'sac à dos étanche'];
const ADDRESS = { name: 'Load Buyer', line_one: '12 Pine St', city: 'Burlington', state: 'VT', country: 'US', postal_code: '05401' };

// The chat API limits messages per client per minute; a load test is one very chatty client.
const shop = await startTestServer({ env: { SHOPKEEPER_CHAT_RATE_LIMIT: '1000000', ...(postgres ? { DATABASE_URL: postgres.url, SHOPKEEPER_SECRET: 'bench-secret-shared-by-replicas-0123456789' } : {}) } });
const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]!;
const expectOk = async (response: Response, label: string) => {
  if (!response.ok) throw new Error(`${label}: HTTP ${response.status}`);
  await response.arrayBuffer();
};
try {
  const product = (await shop.runtime.catalogRepository.listProducts({ status: 'active' })).find((candidate) => candidate.variants.some((variant) => variant.inventory_policy === 'deny'))!;
  const variant = product.variants.find((candidate) => candidate.inventory_policy === 'deny')!;
  await shop.runtime.catalogRepository.adjustInventory(variant.id, 10_000_000);
  const mcp = new Client({ name: 'load', version: '1' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
  await mcp.connect(new StreamableHTTPClientTransport(new URL('/mcp', shop.url)));
  let counter = 0;
  const acp = async (path: string, body: unknown) => {
    const response = await fetch(`${shop.url}/acp${path}`, { method: 'POST', body: JSON.stringify(body), headers: { Authorization: 'Bearer sk_demo_agent_key', 'API-Version': '2026-04-17', 'Content-Type': 'application/json', 'Idempotency-Key': `load-${counter++}` } });
    if (!response.ok) throw new Error(`acp ${path}: HTTP ${response.status}`);
    return response.json() as Promise<{ id: string; status: string }>;
  };
  const chatAvailable = (await fetch(`${shop.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status !== 404;

  const routes: Array<{ route: string; concurrency: number; call: () => Promise<void> }> = [
    { route: 'GET /api/help/search', concurrency: 4, call: async () => expectOk(await fetch(`${shop.url}/api/help/search?q=${encodeURIComponent(pick(QUESTIONS))}`), 'help') },
    { route: 'GET /api/products', concurrency: 3, call: async () => expectOk(await fetch(`${shop.url}/api/products?q=${encodeURIComponent(pick(PRODUCTS))}&max_price=20000`), 'products') },
    { route: 'MCP tools/call search_help', concurrency: 3, call: async () => {
      const result = await mcp.callTool({ name: 'search_help', arguments: { query: pick(QUESTIONS) } });
      if (result.isError) throw new Error('mcp tool error');
    } },
    { route: 'ACP checkout flow (3 requests)', concurrency: 2, call: async () => {
      const created = await acp('/checkout_sessions', { currency: 'usd', line_items: [{ id: variant.id, quantity: 1 }], capabilities: { interventions: { supported: [] } }, buyer: { email: 'load@example.com' } });
      await acp(`/checkout_sessions/${created.id}`, { fulfillment_details: { name: ADDRESS.name, address: ADDRESS } });
      const done = await acp(`/checkout_sessions/${created.id}/complete`, { payment_data: { handler_id: 'card_spt', instrument: { type: 'card', credential: { type: 'spt', token: 'spt_test_visa' } } } });
      if (done.status !== 'completed') throw new Error(`complete ended ${done.status}`);
    } },
  ];
  if (chatAvailable) {
    routes.push({ route: 'POST /api/chat (offline turn)', concurrency: 2, call: async () => {
      const response = await fetch(`${shop.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream' }, body: JSON.stringify({ message: pick(QUESTIONS) }) });
      await expectOk(response, 'chat');
    } });
  }
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const results = await Promise.all(routes.map(async (route) => ({ route: route.route, ...(await runLoad(route.call, { concurrency: route.concurrency, seconds })) })));
  const heapAfter = process.memoryUsage().heapUsed;
  await mcp.close();
  printTable(results.map((result) => ({ route: result.route, 'req/s': fixed(result.perSecond), 'p50 ms': fixed(result.p50, 1), 'p99 ms': fixed(result.p99, 1), done: result.calls, errors: result.errors })));
  console.log(`\ntotal ${fixed(results.reduce((sum, result) => sum + result.perSecond, 0))} operations/s for ${seconds}s; heap ${fixed(heapBefore / 2 ** 20)} -> ${fixed(heapAfter / 2 ** 20)} MiB (client and server share this process); database: ${postgres ? 'PostgreSQL' : 'SQLite'}${chatAvailable ? '' : '; /api/chat not present in this build'}`);
  const checkout = results.find((result) => result.route.startsWith('ACP'))!;
  reportMetrics('load', { database: postgres ? 'postgres' : 'sqlite', checkout_flows_per_second: checkout.perSecond, max_p99_ms: Math.max(...results.map((result) => result.p99)),
    clients: routes.reduce((sum, route) => sum + route.concurrency, 0), errors: results.reduce((sum, result) => sum + result.errors, 0) });
} finally {
  await shop.stop();
  await postgres?.drop();
}

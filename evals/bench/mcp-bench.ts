/**
 * `tools/call` throughput and latency of Shopkeeper's /mcp at 16 concurrent clients, beside the
 * SDK's own trivial echo server measured in the same run on the same machine. Usage:
 * `npm run bench:mcp [seconds] [tool]` (default 10 s, search_help when registered, else search_products).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { toNodeHandler } from '@modelcontextprotocol/node';
import { createMcpHandler, McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { findTool } from '../../src/tools/index.ts';
import { startTestServer } from '../../test/helpers/server.ts';
import { fixed, printTable, reportMetrics, runLoad } from './stats.ts';

const seconds = Number(process.argv[2] ?? 10);
const toolName = process.argv[3] ?? (findTool('search_help') ? 'search_help' : 'search_products');
const CONCURRENCY = 16;
const QUERIES = ['can I send back boots I wore once', 'waterproof backpack with laptop sleeve', 'how long does shipping to Canada take', 'délai de remboursement', 'warranty on tents', 'gift card balance'];

async function echoServer(): Promise<{ url: string; close: () => void }> {
  const handler = createMcpHandler(() => {
    const server = new McpServer({ name: 'echo', version: '1.0.0' });
    server.registerTool('echo', { inputSchema: z.object({ query: z.string() }) }, async ({ query }) => ({ content: [{ type: 'text', text: query }] }));
    return server;
  });
  const serve = toNodeHandler(handler);
  const http = createServer((request, response) => void serve(request, response));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, close: () => http.close() };
}

async function measure(label: string, baseUrl: string, tool: string, argsFor: (query: string) => Record<string, unknown>) {
  const clients = await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    const client = new Client({ name: 'bench', version: '1' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
    await client.connect(new StreamableHTTPClientTransport(new URL('/mcp', baseUrl)));
    return client;
  }));
  let next = 0;
  const call = async () => {
    const client = clients[next++ % clients.length]!;
    const result = await client.callTool({ name: tool, arguments: argsFor(QUERIES[next % QUERIES.length]!) });
    if (result.isError) throw new Error('tool error');
  };
  await runLoad(call, { concurrency: CONCURRENCY, seconds: Math.min(2, seconds) });
  const result = await runLoad(call, { concurrency: CONCURRENCY, seconds });
  await Promise.all(clients.map((client) => client.close()));
  return { label, ...result };
}

const echo = await echoServer();
const shop = await startTestServer();
try {
  const baseline = await measure('SDK echo server (baseline)', echo.url, 'echo', (query) => ({ query }));
  const ours = await measure(`shopkeeper ${toolName}`, shop.url, toolName, (query) => ({ query }));
  printTable([baseline, ours].map((row) => ({ server: row.label, 'calls/s': fixed(row.perSecond), 'p50 ms': fixed(row.p50, 2), 'p99 ms': fixed(row.p99, 2), calls: row.calls, errors: row.errors })));
  console.log(`\nshopkeeper ${toolName} throughput is ${fixed(ours.perSecond / baseline.perSecond, 2)}x the echo baseline; p99 ${fixed(ours.p99 / baseline.p99, 2)}x (concurrency ${CONCURRENCY}, ${seconds}s each)`);
  reportMetrics('mcp', { tool: toolName, calls_per_second: ours.perSecond, echo_per_second: baseline.perSecond, p99_ms: ours.p99, echo_p99_ms: baseline.p99, errors: ours.errors });
} finally {
  echo.close();
  await shop.stop();
}

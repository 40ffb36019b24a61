/**
 * Time to first streamed event of POST /api/chat, offline brain, real server on a free port.
 * Measures, per request, the first SSE event (conversation-started) and the first text-delta
 * (the first words of the answer), for a mix of shopper messages. Target: p95 < 50 ms.
 *
 *   npm run bench:chat [-- --requests 300]
 */
import { rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config/index.ts';
import { createLogger } from '../../src/platform/index.ts';
import { startServer } from '../../src/server.ts';
import { percentile } from './stats.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const requests = Number(args[args.indexOf('--requests') + 1] ?? 0) || 300;
const data = mkdtempSync(join(tmpdir(), 'sk-chat-bench-'));
const config = loadConfig({ env: { LOG_LEVEL: 'silent', SHOPKEEPER_CHAT_RATE_LIMIT: '10000' }, flags: { merchant: join(root, 'knowledge'), data, port: '0' } });
const server = await startServer(config, { logger: createLogger({ level: 'silent' }) });
const messages = ['hello', 'waterproof backpack under $150', 'Does the Stormline 32 have a laptop sleeve?', 'What is your return policy?', 'Where is my order NW-10187?', 'je cherche une tente à moins de 300 $', 'I want to talk to a human'];

async function one(message: string): Promise<{ first: number; text: number; total: number }> {
  const started = performance.now();
  const response = await fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message }) });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let first = NaN, text = NaN, buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    if (Number.isNaN(first) && buffer.includes('\n\n')) first = performance.now() - started;
    if (Number.isNaN(text) && buffer.includes('event: text-delta')) text = performance.now() - started;
  }
  return { first, text, total: performance.now() - started };
}

for (let index = 0; index < 20; index++) await one(messages[index % messages.length]!); // warm-up
const results: Array<{ first: number; text: number; total: number; message: string }> = [];
for (let index = 0; index < requests; index++) results.push({ ...(await one(messages[index % messages.length]!)), message: messages[index % messages.length]! });
await server.close();
rmSync(data, { recursive: true, force: true });
const row = (name: string, values: number[]) => {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  return `| ${name} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 95).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} |`;
};
console.log(`POST /api/chat, offline brain, ${requests} sequential requests over ${messages.length} kinds of message (ms)\n`);
console.log(['| measure | p50 | p95 | p99 |', '|---|---|---|---|', row('first SSE event', results.map((r) => r.first)), row('first text-delta', results.map((r) => r.text)), row('whole reply', results.map((r) => r.total))].join('\n'));
console.log('\nby message (first text-delta, ms):');
for (const message of messages) console.log(row(message, results.filter((r) => r.message === message).map((r) => r.text)));
const p95 = percentile(results.map((r) => r.text).sort((a, b) => a - b), 95);
console.log(`\ntarget: p95 time to first streamed text < 50 ms -> ${p95.toFixed(1)} ms ${p95 < 50 ? 'OK' : 'MISSED'}`);

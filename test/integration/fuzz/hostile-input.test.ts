import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOOLS } from '../../../src/tools/index.ts';
import { connectMcp } from '../../helpers/mcp.ts';
import { startTestServer } from '../../helpers/server.ts';

/*
 * Property-based hostile input: whatever a client sends, the answer is a 4xx (or a normal
 * result) with a readable error, never a 5xx or a crash. Runs are bounded to keep CI fast;
 * raise FUZZ_RUNS locally for a longer hunt.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ env: { SHOPKEEPER_CHAT_RATE_LIMIT: '100000' } });
});
afterAll(() => server.stop());

const json = fc.jsonValue({ maxDepth: 4 });
const nasty = fc.oneof(
  fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('', ' ', '\u0000', '\uFEFF', 'null', '{"a":', '[[[[[[', '9'.repeat(400), 'é'.repeat(5000), '__proto__', 'constructor'),
  fc.integer(), fc.double(), fc.boolean(), fc.constant(null),
);
const deep = fc.integer({ min: 200, max: 5000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth));

async function post(path: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  return { status: response.status, text };
}

const ACP_HEADERS = (version: string) => ({ authorization: 'Bearer sk_demo_agent_key', 'api-version': version });

describe('hostile input never produces a 5xx', () => {
  it('ACP endpoints, both versions, with arbitrary JSON bodies, raw garbage and deep nesting', async () => {
    await fc.assert(fc.asyncProperty(
      fc.constantFrom('2026-04-17', '2025-09-29', '1999-01-01', ''),
      fc.constantFrom('/acp/checkout_sessions', '/acp/checkout_sessions/cs_unknown', '/acp/checkout_sessions/cs_unknown/complete', '/acp/checkout_sessions/cs_unknown/cancel'),
      fc.oneof(json.map((value) => JSON.stringify(value)), nasty.map(String), deep, fc.record({ line_items: fc.array(fc.record({ id: nasty, quantity: nasty })) }).map((value) => JSON.stringify(value))),
      fc.string({ maxLength: 40 }),
      async (version, path, body, key) => {
        const { status, text } = await post(path, body, { ...ACP_HEADERS(version), 'idempotency-key': key.replace(/[^\x20-\x7e]/g, '') || 'k' });
        expect(status, `${path} ${version} ${body.slice(0, 200)} -> ${text.slice(0, 200)}`).toBeLessThan(500);
        expect(() => JSON.parse(text)).not.toThrow();
      },
    ), { numRuns: RUNS });
  });

  it('the catalog API with arbitrary query strings', async () => {
    await fc.assert(fc.asyncProperty(fc.dictionary(fc.constantFrom('q', 'max_price', 'min_price', 'in_stock', 'limit', 'type', 'x'), nasty.map(String)), async (query) => {
      const response = await fetch(`${server.url}/api/products?${new URLSearchParams(query)}`);
      expect(response.status).toBeLessThan(500);
      // Node itself answers an over-long URL with an empty 414/431; everything else is our JSON.
      if (response.status !== 431 && response.status !== 414) await response.json();
    }), { numRuns: RUNS });
  });

  it('every MCP tool with arguments generated around its schema', async () => {
    const client = await connectMcp(server.url, 'modern');
    try {
      for (const tool of TOOLS) {
        const shape = Object.keys((tool.input as unknown as { shape: Record<string, unknown> }).shape);
        const args = fc.dictionary(fc.constantFrom(...shape, 'unexpected'), fc.oneof(nasty, json), { maxKeys: shape.length + 1 });
        await fc.assert(fc.asyncProperty(args, async (input) => {
          const result = await client.callTool({ name: tool.name, arguments: input as Record<string, unknown> }).catch((error: Error) => ({ protocolError: error.message }));
          if ('protocolError' in result) expect(result.protocolError, tool.name).toMatch(/Invalid|-32602/);
          else if (result.isError) expect((result.content as Array<{ text: string }>)[0]!.text, tool.name).not.toMatch(/Internal|stack|at .*\.ts:/);
        }), { numRuns: Math.max(10, Math.floor(RUNS / 3)) });
      }
    } finally {
      await client.close();
    }
  });

  it('the chat API with arbitrary bodies, messages and conversation ids', async () => {
    const body = fc.oneof(
      json.map((value) => JSON.stringify(value)),
      fc.record({ message: nasty, conversation_id: fc.option(nasty), locale: fc.option(nasty) }).map((value) => JSON.stringify(value)),
      fc.string({ maxLength: 300 }),
      deep,
    );
    await fc.assert(fc.asyncProperty(body, async (raw) => {
      const { status, text } = await post('/api/chat', raw);
      expect(status, `${raw.slice(0, 80)} -> ${text.slice(0, 200)}`).toBeLessThan(500);
      if (status >= 400) expect(text).toMatch(/"detail"|"title"|"error"/);
    }), { numRuns: RUNS });
  });

  it('absurd headers and methods', async () => {
    const responses = await Promise.all([
      fetch(`${server.url}/acp/checkout_sessions`, { method: 'POST', headers: { ...ACP_HEADERS('2026-04-17'), 'content-type': 'text/plain', 'idempotency-key': 'a'.repeat(5000) }, body: 'hello' }),
      fetch(`${server.url}/acp/checkout_sessions`, { method: 'POST', headers: { ...ACP_HEADERS('2026-04-17'), 'content-type': 'application/json; charset=utf-16' }, body: '{}' }),
      fetch(`${server.url}/acp/checkout_sessions`, { method: 'DELETE', headers: ACP_HEADERS('2026-04-17') }),
      fetch(`${server.url}/mcp`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body: '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"search_help","arguments":"nope"}}' }),
      fetch(`${server.url}/api/products/${'%'.repeat(3)}`),
    ]);
    for (const response of responses) expect(response.status, `${response.url} ${await response.clone().text()}`).toBeLessThan(500);
  });
});

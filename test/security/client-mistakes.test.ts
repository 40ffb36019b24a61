import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACP_KEY } from '../helpers/acp.ts';
import { startTestServer } from '../helpers/server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => { server = await startTestServer(); });
afterAll(() => server.stop());

const ACP_HEADERS = { Authorization: `Bearer ${ACP_KEY}`, 'API-Version': '2026-04-17' };
const MCP_HEADERS = { accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-06-18' };
const SURFACES: Array<{ name: string; path: string; headers: Record<string, string>; body: unknown }> = [
  { name: 'ACP', path: '/acp/checkout_sessions', headers: { ...ACP_HEADERS, 'Idempotency-Key': 'mistake' }, body: { currency: 'usd', line_items: [{ id: 'x', quantity: 1 }] } },
  { name: 'chat', path: '/api/chat', headers: {}, body: { message: 'hello' } },
  { name: 'MCP', path: '/mcp', headers: MCP_HEADERS, body: { jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} } },
];

async function send(path: string, init: RequestInit): Promise<{ status: number; type: string; body: Record<string, unknown> | string }> {
  const response = await fetch(`${server.url}${path}`, init);
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, type, body: type.includes('json') ? JSON.parse(text) as Record<string, unknown> : text };
}

/** Client mistakes are 4xx problems that say what is wrong and how to fix it, never a 500. */
function expectClientProblem(answer: { status: number; type: string; body: Record<string, unknown> | string }, status: number, mentions: RegExp): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.type).toMatch(/json/);
  const text = JSON.stringify(answer.body);
  expect(text).toMatch(mentions);
  expect(text).toMatch(/fix|Send|Use|Remove|Encode/i);
}

describe('security: client mistakes are 4xx problems, not 500s', () => {
  it.each(SURFACES)('$name: an unsupported charset is 415 naming the charset', async ({ path, headers, body }) => {
    const answer = await send(path, { method: 'POST', headers: { ...headers, 'content-type': 'application/json; charset=klingon' }, body: JSON.stringify(body) });
    expectClientProblem(answer, 415, /charset|klingon/i);
  });

  it.each(SURFACES)('$name: a gzip body is read; an unknown Content-Encoding is 415 naming the encoding', async ({ path, headers, body }) => {
    const gzip = await send(path, { method: 'POST', headers: { ...headers, 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: gzipSync(JSON.stringify(body)) });
    expect(gzip.status, JSON.stringify(gzip.body)).toBeLessThan(300);
    const unknown = await send(path, { method: 'POST', headers: { ...headers, 'content-type': 'application/json', 'content-encoding': 'zstd-of-doom' }, body: JSON.stringify(body) });
    expectClientProblem(unknown, 415, /encoding/i);
  });

  it.each([
    ['/acp/checkout_sessions/%E0%A4%A', ACP_HEADERS],
    ['/acp/checkout_sessions/%', ACP_HEADERS],
    ['/api/chat/%zz/messages', {}],
    ['/api/products/%E0%A4%A', {}],
    ['/console/escalations/%', {}],
    ['/checkout/%c0', {}],
  ] as Array<[string, Record<string, string>]>)('a malformed %%-escape in %s is 400 naming the path', async (path, headers) => {
    expectClientProblem(await send(path, { headers }), 400, /path|escape|URL/i);
  });

  it.each([
    ['/acp/checkout_sessions/cs_%00x', ACP_HEADERS],
    ['/api/chat/abc%00/messages', {}],
    ['/api/products/bad%00id', {}],
    ['/orders/AC-%00', {}],
  ] as Array<[string, Record<string, string>]>)('a NUL character in the path %s is 400 or 404, never a 500', async (path, headers) => {
    const answer = await send(path, { headers });
    expect([400, 404], JSON.stringify(answer.body)).toContain(answer.status);
  });

  it('a NUL character in a chat message is not a 500: stripped, the conversation goes on', async () => {
    const response = await fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'waterproof\u0000 backpack', conversation_id: 'nul\u0000id', locale: 'en\u0000' }) });
    expect(response.status).toBeLessThan(500);
    const text = await response.text();
    expect(text).not.toMatch(/error-occurred/);
  });

  it('a NUL character in ACP fields is a 400 problem or stripped, never a 500', async () => {
    const answer = await send('/acp/checkout_sessions', {
      method: 'POST', headers: { ...ACP_HEADERS, 'Idempotency-Key': 'nul\u0000key'.replace('\u0000', ''), 'content-type': 'application/json' },
      body: JSON.stringify({ currency: 'usd', line_items: [{ id: 'NW-\u0000', quantity: 1 }], buyer: { email: 'a\u0000@example.com', first_name: 'N\u0000' } }),
    });
    expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(500);
  });

  it('a NUL character in MCP tool arguments is a tool error or stripped, never a 500 or a crash', async () => {
    for (const [name, args] of [['search_products', { query: 'back\u0000pack' }], ['get_product', { product_id: 'bad\u0000id' }], ['fetch', { id: 'article:en:\u0000' }]] as const) {
      const call = await send('/mcp', { method: 'POST', headers: { ...MCP_HEADERS, 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name, arguments: args } }) });
      expect(call.status, JSON.stringify(call.body)).toBeLessThan(500);
      expect(JSON.stringify(call.body), name).not.toMatch(/internal|Something went wrong/i);
    }
  });
});

import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/flows/index.ts';
import { startTestServer } from '../helpers/server.ts';

/*
 * Finding 17: the per-client verification budget was keyed on the MCP client's User-Agent, which
 * the client chooses; sending a new one each time gave a fresh budget. The budget belongs to the
 * network address (or the authenticated client).
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
// The chat's own per-address message limit is raised so that only the verification budget is tested.
beforeAll(async () => { server = await startTestServer({ env: { SHOPKEEPER_CHAT_RATE_LIMIT: '1000' } }); });
afterAll(() => server?.stop());

async function guessAs(userAgent: string, email: string): Promise<string> {
  const client = new Client({ name: 'rotating', version: '1.0.0' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
  await client.connect(new StreamableHTTPClientTransport(new URL('/mcp', server.url), { requestInit: { headers: { 'User-Agent': userAgent } } }));
  try {
    const result = await client.callTool({ name: 'verify_customer', arguments: { email, order_number: 'NW-00001' } });
    return (result.content as Array<{ text: string }>)[0]!.text;
  } finally {
    await client.close();
  }
}

/** One message in a new chat widget conversation (a new conversation id every time). */
async function chatOnce(message: string): Promise<Array<{ type: string }>> {
  const response = await fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message }) });
  return (await response.text()).split('\n\n').filter(Boolean).map((block) => JSON.parse(block.split('\n')[1]!.slice(6)) as { type: string });
}

describe('per-client verification budget', () => {
  it('is not reset by a new User-Agent', async () => {
    // Distinct emails, so only the per-client budget (not the per-identity one) is spent.
    for (let index = 0; index < LIMITS.clientFailures; index++) expect(await guessAs('agent/1', `nobody${index}@example.com`)).toMatch(/No customer matches/);
    expect(await guessAs('agent/1', 'one-more@example.com')).toMatch(/Too many verification attempts/);
    for (let index = 0; index < 3; index++) expect(await guessAs(`agent/rotated-${index}`, `fresh${index}@example.com`)).toMatch(/Too many verification attempts/);
  });

  it('is not reset by a new chat conversation', async () => {
    const right = 'Where is my order NW-10325? My email is priya.raman@example.net';
    expect((await chatOnce(right)).some((event) => event.type === 'order-status')).toBe(true);
    for (let index = 0; index < LIMITS.clientFailures; index++) await chatOnce(`Where is my order NW-00001? My email is chat${index}@example.com`);
    // The right details in yet another conversation: refused, the address has spent its budget.
    const events = await chatOnce(right);
    expect(events.some((event) => event.type === 'order-status')).toBe(false);
  });
});

import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/server.ts';

/*
 * Finding 2: the verification limit (5 failed attempts per identity per 15 minutes) was read
 * before the lookup and counted after it, so simultaneous guesses all passed the check. Every
 * attempt must take its place in the count before it is evaluated, on SQLite and PostgreSQL.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
const clients: Client[] = [];
beforeAll(async () => {
  server = await startTestServer();
  for (let index = 0; index < 4; index++) {
    const client = new Client({ name: `guesser-${index}`, version: '1.0.0' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
    await client.connect(new StreamableHTTPClientTransport(new URL('/mcp', server.url)));
    clients.push(client);
  }
});
afterAll(async () => {
  for (const client of clients) await client.close();
  await server?.stop();
});

const guess = async (client: Client, orderNumber: string) => {
  const result = await client.callTool({ name: 'verify_customer', arguments: { email: 'priya.raman@example.net', order_number: orderNumber } });
  return { isError: Boolean(result.isError), text: (result.content as Array<{ text: string }>)[0]!.text };
};

describe('verification limit under concurrency', () => {
  it('evaluates at most 5 of 120 simultaneous wrong guesses for one identity', async () => {
    const results = await Promise.all(Array.from({ length: 120 }, (_, index) => guess(clients[index % clients.length]!, `NW-9${String(index).padStart(4, '0')}`)));
    const evaluated = results.filter((result) => /No customer matches/.test(result.text));
    const limited = results.filter((result) => /Too many verification attempts/.test(result.text));
    expect(results.every((result) => result.isError)).toBe(true);
    expect(evaluated.length).toBeGreaterThan(0);
    expect(evaluated.length).toBeLessThanOrEqual(5);
    expect(limited.length).toBe(results.length - evaluated.length);
    // The right details are refused too until the window passes.
    expect((await guess(clients[0]!, 'NW-10325')).text).toMatch(/Too many verification attempts/);
  });

  it('does not lock out a busy client whose verifications succeed', async () => {
    // One assistant verifying the same shopper many times at once: successes never use up the budget.
    const results = await Promise.all(Array.from({ length: 40 }, (_, index) => clients[index % clients.length]!.callTool({ name: 'verify_customer', arguments: { email: 'daniel.okafor@example.com', order_number: 'NW-10332' } })));
    const refused = results.filter((result) => result.isError);
    expect(refused.length).toBeLessThan(results.length);
    const later = await clients[0]!.callTool({ name: 'verify_customer', arguments: { email: 'daniel.okafor@example.com', order_number: 'NW-10332' } });
    expect(later.isError, JSON.stringify(later.content)).toBeFalsy();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/server.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** One chat message; returns the HTTP status (the SSE body is drained). */
async function send(server: Server, body: Record<string, unknown>, forwardedFor?: string): Promise<{ status: number; conversation?: string }> {
  const response = await fetch(`${server.url}/api/chat`, {
    method: 'POST', body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
  });
  const text = await response.text();
  const started = /"conversation_id":"([^"]+)"/.exec(text);
  return { status: response.status, ...(started ? { conversation: started[1] } : {}) };
}

const address = (index: number) => `203.0.113.${index + 1}`;

/**
 * Finding 16: the chat limit counted per socket address with no trust-proxy setting. Behind a
 * proxy every shopper shared one budget; and a forged X-Forwarded-For must never buy a fresh one.
 */
describe('security: chat rate limit behind a proxy', () => {
  describe('default (no proxy trusted)', () => {
    let server: Server;
    beforeAll(async () => { server = await startTestServer({ env: { SHOPKEEPER_CHAT_RATE_LIMIT: '4' } }); });
    afterAll(() => server.stop());

    it('a spoofed X-Forwarded-For is ignored: rotating it does not reset the budget', async () => {
      const statuses: number[] = [];
      for (let index = 0; index < 6; index++) statuses.push((await send(server, { message: 'hi' }, address(index))).status);
      expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
      expect(statuses.slice(4)).toEqual([429, 429]);
    });
  });

  describe('SHOPKEEPER_TRUST_PROXY=loopback (a reverse proxy on this host)', () => {
    let server: Server;
    beforeAll(async () => { server = await startTestServer({ env: { SHOPKEEPER_CHAT_RATE_LIMIT: '4', SHOPKEEPER_TRUST_PROXY: 'loopback' } }); });
    afterAll(() => server.stop());

    it('counts each forwarded client on its own: one chatty shopper does not block the others', async () => {
      for (let index = 0; index < 4; index++) expect((await send(server, { message: 'hi' }, '198.51.100.7')).status).toBe(200);
      expect((await send(server, { message: 'hi' }, '198.51.100.7')).status).toBe(429);
      expect((await send(server, { message: 'hi' }, '198.51.100.8')).status).toBe(200);
    });

    it('one conversation cannot exceed its own limit by rotating forwarded addresses', async () => {
      const first = await send(server, { message: 'hi' }, address(100));
      expect(first.status).toBe(200);
      const statuses: number[] = [];
      for (let index = 0; index < 8; index++) statuses.push((await send(server, { conversation_id: first.conversation, message: 'and another thing' }, address(101 + index))).status);
      expect(statuses).toContain(429);
      // Every address is fresh, so only the conversation's own budget (at most 5 a minute) stopped it.
      expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(5);
    });
  });

  it('refuses a trust-proxy value Express cannot use, naming the option', async () => {
    await expect(startTestServer({ env: { SHOPKEEPER_TRUST_PROXY: 'not-an-address/99' } })).rejects.toThrow(/SHOPKEEPER_TRUST_PROXY/);
  });
});

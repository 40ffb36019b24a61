import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acpClient, type Body } from '../helpers/acp.ts';
import { ConsoleClient } from '../helpers/console-client.ts';
import { startTestServer } from '../helpers/server.ts';

// Well before the real date: a clock mixing the pinned time with the real one shows at once.
const PINNED = '2026-01-15T09:00:00Z';
const AGENT = { email: 'clock-agent@example.com', password: 'correct horse battery staple' };
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer({ env: { SHOPKEEPER_NOW: PINNED } });
  await server.runtime.accounts.add(AGENT.email, 'agent', AGENT.password);
});
afterAll(() => server.stop());

/**
 * Low finding: with SHOPKEEPER_NOW the pinned clock and the real one were mixed. The console
 * cookie got a negative Max-Age (signed out at once), and the pinned clock stood still, so a
 * claim left by a killed payment never grew old enough to be taken over.
 */
describe('security: one clock everywhere', () => {
  it('the console session cookie lives for the session, measured on the same clock as its expiry', async () => {
    const agent = new ConsoleClient(server.url);
    const form = await (await agent.request('/console/login')).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form)![1]!;
    const response = await agent.request('/console/login', { method: 'POST', form: { _csrf: csrf, email: AGENT.email, password: AGENT.password, next: '/console' } });
    expect(response.status).toBe(303);
    const cookie = response.headers.getSetCookie().find((line) => !/Max-Age=0\b/.test(line) && /Max-Age=/.test(line))!;
    const maxAge = Number(/Max-Age=(-?\d+)/.exec(cookie)![1]);
    expect(maxAge).toBeGreaterThan(3600);
    expect((await agent.request('/console/api/me')).status).toBe(200);
  });

  it('the pinned clock starts at SHOPKEEPER_NOW and moves on, so time-outs (stale payment claims) can expire', async () => {
    const client = acpClient(server.url, '2026-04-17');
    const create = async (): Promise<string> => {
      const created: Body = await client('POST', '/checkout_sessions', { currency: 'usd', line_items: [{ id: 'nope', quantity: 1 }] });
      return created.body.created_at as string;
    };
    const first = await create();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await create();
    expect(first.slice(0, 10)).toBe(PINNED.slice(0, 10));
    expect(new Date(second).getTime() - new Date(first).getTime()).toBeGreaterThanOrEqual(1000);
  });
});

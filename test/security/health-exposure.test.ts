import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleClient } from '../helpers/console-client.ts';
import { TEA_SHOP } from '../helpers/paths.ts';
import { startTestServer } from '../helpers/server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
const AGENT = { email: 'health-agent@example.com', password: 'correct horse battery staple' };

beforeAll(async () => {
  server = await startTestServer({ merchant: TEA_SHOP });
  await server.runtime.accounts.add(AGENT.email, 'agent', AGENT.password);
});
afterAll(() => server.stop());

/** Low finding: the public /health told anyone how many customers and orders the shop has. */
describe('security: /health exposure', () => {
  it('public /health is liveness only: status and version, no counts, no adapters', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    const body = await response.json() as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['status', 'version']);
    expect(body.status).toBe('ok');
    expect(JSON.stringify(body)).not.toMatch(/customers|orders|counts|adapters/);
  });

  it('the details need a console session', async () => {
    const anonymous = await fetch(`${server.url}/console/api/health`);
    expect(anonymous.status).toBe(401);
    expect(JSON.stringify(await anonymous.json())).not.toMatch(/customers/);
    const agent = new ConsoleClient(server.url);
    expect((await agent.signIn(AGENT.email, AGENT.password)).status).toBe(303);
    const details = await agent.request('/console/api/health');
    expect(details.status).toBe(200);
    expect(details.headers.get('cache-control')).toBe('no-store');
    expect(await details.json()).toMatchObject({ status: 'ok', counts: { products: 6, customers: 2, orders: 2 } });
  });
});

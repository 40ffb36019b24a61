import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleClient } from '../../helpers/console-client.ts';
import { MemoryConsoleBackend, heldRefundEscalation } from '../../helpers/console-backend.ts';
import { TEA_SHOP } from '../../helpers/paths.ts';
import { startTestServer } from '../../helpers/server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
const backend = new MemoryConsoleBackend([heldRefundEscalation()]);
const AGENT = { email: 'sam@northwind.example', password: 'correct horse battery staple' };
const ADMIN = { email: 'ada@northwind.example', password: 'admin password 12345' };

beforeAll(async () => {
  server = await startTestServer({ merchant: TEA_SHOP, server: { consoleBackend: backend } });
  await server.runtime.accounts.add(AGENT.email, 'agent', AGENT.password);
  await server.runtime.accounts.add(ADMIN.email, 'admin', ADMIN.password);
});
afterAll(() => server.stop());

const PAGES = ['/console', '/console/escalations/esc_refund1', '/console/insights', '/console/admin/agents'];
const APIS = ['/console/api/me', '/console/api/escalations', '/console/api/escalations/esc_refund1', '/console/api/insights', '/console/api/stream'];
const POSTS = ['/console/escalations/esc_refund1/approve', '/console/api/escalations/esc_refund1/approve', '/console/escalations/esc_refund1/reply', '/console/admin/agents', '/console/logout'];

describe('console access control', () => {
  it('refuses every console page and API without a session', async () => {
    const anonymous = new ConsoleClient(server.url);
    for (const path of PAGES) {
      const response = await anonymous.request(path);
      expect(response.status, path).toBe(303);
      expect(response.headers.get('location'), path).toBe(`/console/login?next=${encodeURIComponent(path)}`);
    }
    for (const path of APIS) {
      const response = await anonymous.request(path);
      expect(response.status, path).toBe(401);
      expect(response.headers.get('content-type'), path).toContain('application/problem+json');
    }
    for (const path of POSTS) {
      const response = await anonymous.request(path, { method: 'POST', form: { text: 'hi' } });
      expect([303, 401], path).toContain(response.status);
    }
    // A forged cookie is no better than none.
    anonymous.cookies.set('sk_console', 'forged');
    expect((await anonymous.request('/console/api/me')).status).toBe(401);
    expect(backend.executed).toEqual([]);
  });

  it('signs in with an httpOnly SameSite cookie, Secure behind TLS, and signs out', async () => {
    const client = new ConsoleClient(server.url);
    const form = await client.request('/console/login');
    expect(form.headers.get('content-security-policy')).toContain("script-src 'self'");
    const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
    const response = await client.request('/console/login', { method: 'POST', form: { _csrf: token, ...AGENT }, headers: { 'x-forwarded-proto': 'https' } });
    expect(response.status).toBe(303);
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith('sk_console='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/Path=\/console/);

    const plain = new ConsoleClient(server.url);
    const signedIn = await plain.signIn(AGENT.email, AGENT.password);
    expect(signedIn.headers.getSetCookie().find((line) => line.startsWith('sk_console='))).not.toMatch(/Secure/);
    expect((await plain.request('/console')).status).toBe(200);
    const stolen = plain.cookieHeader;
    expect((await plain.post('/console/logout')).status).toBe(303);
    expect((await fetch(`${server.url}/console/api/me`, { headers: { cookie: stolen } })).status).toBe(401);
  });

  it('refuses state changes without the CSRF token, with a wrong one, or from another site', async () => {
    const client = new ConsoleClient(server.url);
    await client.signIn(AGENT.email, AGENT.password);
    const attempts = [
      client.request('/console/escalations/esc_refund1/approve', { method: 'POST', form: {} }),
      client.request('/console/escalations/esc_refund1/approve', { method: 'POST', form: { _csrf: 'x'.repeat(client.csrf.length) } }),
      client.request('/console/api/escalations/esc_refund1/approve', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
      client.request('/console/escalations/esc_refund1/approve', { method: 'POST', form: { _csrf: client.csrf }, headers: { origin: 'https://evil.example' } }),
      client.request('/console/escalations/esc_refund1/reply', { method: 'POST', form: { _csrf: client.csrf, text: 'hi' }, headers: { 'sec-fetch-site': 'cross-site' } }),
      client.request('/console/logout', { method: 'POST', form: {} }),
    ];
    for (const response of await Promise.all(attempts)) expect(response.status).toBe(403);
    expect(backend.executed).toEqual([]);
    expect(backend.replies).toEqual([]);
    // The sign-in form itself needs its token too (login CSRF).
    const bare = await fetch(`${server.url}/console/login`, { method: 'POST', body: new URLSearchParams(AGENT), redirect: 'manual' });
    expect(bare.status).toBe(403);
    expect((await client.request('/console/api/me')).status).toBe(200);
  });

  it('keeps admin pages from agents', async () => {
    const agent = new ConsoleClient(server.url);
    await agent.signIn(AGENT.email, AGENT.password);
    expect((await agent.request('/console/insights')).status).toBe(403);
    expect((await agent.request('/console/admin/agents')).status).toBe(403);
    expect((await agent.request('/console/api/insights')).status).toBe(403);
    expect((await agent.post('/console/admin/agents', { email: 'intruder@example.com', role: 'admin' })).status).toBe(403);
    expect(await (await agent.request('/console')).text()).not.toContain('/console/insights');
    const admin = new ConsoleClient(server.url);
    await admin.signIn(ADMIN.email, ADMIN.password);
    expect((await admin.request('/console/insights')).status).toBe(200);
    const added = await admin.post('/console/admin/agents', { email: 'new@northwind.example', role: 'agent' });
    expect(await added.text()).toMatch(/Created new@northwind\.example/);
    expect((await server.runtime.accounts.list()).map((account) => account.email)).toContain('new@northwind.example');
  });

  it('locks an email out after repeated failures, the same for unknown emails, until an admin lifts it', async () => {
    const client = new ConsoleClient(server.url);
    const lockee = 'lock@northwind.example';
    await server.runtime.accounts.add(lockee, 'agent', 'the real password 1');
    for (let attempt = 1; attempt <= 4; attempt++) expect((await client.signIn(lockee, `wrong ${attempt}`)).status).toBe(401);
    expect((await client.signIn(lockee, 'wrong 5')).status).toBe(429);
    const locked = await client.signIn(lockee, 'the real password 1');
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await server.runtime.sql.get('SELECT locked_until FROM console_login_failures WHERE email = ?', [lockee])).toMatchObject({ locked_until: expect.any(String) });
    for (let attempt = 1; attempt <= 5; attempt++) await client.signIn('nobody@northwind.example', 'guess');
    expect((await client.signIn('nobody@northwind.example', 'guess')).status).toBe(429);

    const admin = new ConsoleClient(server.url);
    await admin.signIn(ADMIN.email, ADMIN.password);
    await admin.post('/console/admin/agents/unlock', { email: lockee });
    expect((await client.signIn(lockee, 'the real password 1')).status).toBe(303);
  });
});

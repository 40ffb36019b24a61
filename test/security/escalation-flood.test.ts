import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleClient } from '../helpers/console-client.ts';
import { startTestServer } from '../helpers/server.ts';

/**
 * Finding 9: anonymous `escalate_to_human` calls flooded the queue at any priority they asked
 * for, and the console filtered only the first 500 rows and never paginated. Now calls are
 * limited per caller and per client address (in the database), an anonymous caller cannot raise
 * the priority, filters apply in SQL before the cap, and the queue pages.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let agent: ConsoleClient;

beforeAll(async () => {
  server = await startTestServer();
  await server.runtime.accounts.add('sam@northwind.example', 'agent', 'correct horse battery staple');
  agent = new ConsoleClient(server.url);
  expect((await agent.signIn('sam@northwind.example', 'correct horse battery staple')).status).toBe(303);
});
afterAll(() => server.stop());

/** An MCP client announcing itself as `userAgent` (the caller identity an attacker can vary). */
async function mcpAs(userAgent: string): Promise<Client> {
  const client = new Client({ name: 'flood', version: '1.0.0' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
  await client.connect(new StreamableHTTPClientTransport(new URL('/mcp', server.url), { requestInit: { headers: { 'user-agent': userAgent } } }));
  return client;
}
const escalate = (client: Client, n: number, priority = 'normal') => client.callTool({ name: 'escalate_to_human', arguments: { reason: `Flood ${n}`, summary: `Flood number ${n}`, priority } });

describe('escalate_to_human floods and the queue', { timeout: 120_000 }, () => {
  it('an anonymous caller cannot set urgent or high priority', async () => {
    const client = await mcpAs('priority-probe');
    const urgent = await escalate(client, 0, 'urgent');
    expect(urgent.isError).toBeFalsy();
    expect((urgent.structuredContent as { priority: string }).priority).toBe('normal');
    const sensitive = await client.callTool({ name: 'escalate_to_human', arguments: { reason: 'chargeback injury lawsuit', summary: 'x', priority: 'high' } });
    expect((sensitive.structuredContent as { priority: string }).priority).toBe('normal');
    await client.close();
  });

  it('limits one caller, and one client address whatever caller name it uses', async () => {
    const one = await mcpAs('same-caller');
    const results = [];
    for (let n = 1; n <= 12; n++) results.push(await escalate(one, n));
    expect(results.filter((result) => result.isError)).not.toHaveLength(0);
    expect(JSON.stringify(results.find((result) => result.isError)!.content)).toMatch(/too many/i);
    await one.close();

    let refused = 0;
    for (let n = 0; n < 40; n++) {
      const client = await mcpAs(`rotating-${n}`);
      if ((await escalate(client, 100 + n)).isError) refused++;
      await client.close();
    }
    expect(refused).toBeGreaterThan(0);
    const created = (await server.runtime.escalations.list({ limit: 1000 })).length;
    expect(created).toBeLessThanOrEqual(40);
  });

  it('filters before the cap and pages the queue (page and JSON API)', async () => {
    const who = { actor: { kind: 'system' as const, id: 'test' }, channel: 'test', now: new Date() };
    for (let n = 0; n < 520; n++) {
      await server.runtime.escalations.open({ source_key: `bulk-${n}`, priority: 'urgent', category: 'other', reason: `Bulk ${n}`, summary: `Bulk ${n}`, channel: 'test' }, who);
    }
    await server.runtime.escalations.open({ source_key: 'needle', priority: 'low', category: 'complaint', reason: 'The needle', summary: 'The needle complaint', channel: 'test' }, who);

    const byReason = await (await agent.request('/console/api/escalations?reason=complaint')).json() as { escalations: Array<{ summary: string }> };
    expect(byReason.escalations.map((item) => item.summary)).toEqual(['The needle complaint']);

    const first = await (await agent.request('/console/api/escalations')).json() as { escalations: Array<{ id: string }>; next_page: number | null };
    expect(first.escalations.length).toBeLessThanOrEqual(100);
    expect(first.next_page).toBe(2);
    const second = await (await agent.request('/console/api/escalations?page=2')).json() as { escalations: Array<{ id: string }> };
    expect(second.escalations.length).toBeGreaterThan(0);
    expect(second.escalations.map((item) => item.id)).not.toContain(first.escalations[0]!.id);

    const page = await (await agent.request('/console')).text();
    expect((page.match(/<tr data-id=/g) ?? []).length).toBeLessThanOrEqual(100);
    expect(page).toContain('href="/console?page=2"');
  });
});

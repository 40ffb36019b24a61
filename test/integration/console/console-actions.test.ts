import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleClient } from '../../helpers/console-client.ts';
import { MemoryConsoleBackend, heldRefundEscalation } from '../../helpers/console-backend.ts';
import { TEA_SHOP } from '../../helpers/paths.ts';
import { startTestServer } from '../../helpers/server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
const old = { ...heldRefundEscalation('esc_old', 60 * 50), priority: 'low' as const, reason: 'human_requested', summary: 'Shopper asked for a person', has_held_action: false, held_action: null };
const backend = new MemoryConsoleBackend([heldRefundEscalation(), old]);
const client = () => new ConsoleClient(server.url);
let agent: ConsoleClient;

beforeAll(async () => {
  server = await startTestServer({ merchant: TEA_SHOP, server: { consoleBackend: backend, consolePollMs: 50 } });
  await server.runtime.accounts.add('sam@northwind.example', 'agent', 'correct horse battery staple');
  agent = client();
  await agent.signIn('sam@northwind.example', 'correct horse battery staple');
});
afterAll(() => server.stop());

describe('console queue and escalation view', () => {
  it('lists escalations with SLA age, filters them, and escapes shopper text', async () => {
    const page = await (await agent.request('/console')).text();
    expect(page).toContain('Refund of $289.00 for a returned tent needs approval');
    expect(page).toContain('Shopper asked for a person');
    expect(page).toMatch(/class="sla-breached"[^>]*>2 d 2 h/);
    expect(page).toMatch(/class="sla-ok"[^>]*>1 h 30 min/);
    const high = await (await agent.request('/console?priority=high')).text();
    expect(high).not.toContain('Shopper asked for a person');
    const byReason = await (await agent.request('/console?reason=human_requested&age=1440')).text();
    expect(byReason).toContain('Shopper asked for a person');
    expect(byReason).not.toContain('returned tent');
    const api = await (await agent.request('/console/api/escalations?age=60&priority=high')).json() as { escalations: Array<{ id: string }> };
    expect(api.escalations.map((item) => item.id)).toEqual(['esc_refund1']);

    const view = await (await agent.request('/console/escalations/esc_refund1')).text();
    expect(view).not.toContain('<script>alert(1)</script>');
    expect(view).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    for (const expected of ['Maya Chen', 'email + order number', 'Order NW-1042', 'NW-0977', 'Refund $289.00 to Visa', 'approval.refund_above',
      'href="https://northwind.example/help/returns"', 'Suggested reply, grounded in the help center', 'Approve and execute']) {
      expect(view).toContain(expected);
    }
  });

  it('claims, approves exactly the held action, replies, notes and resolves through forms', async () => {
    const claimed = await agent.post('/console/escalations/esc_refund1/claim');
    expect(claimed.status).toBe(303);
    expect(backend.escalations.get('esc_refund1')!.assignee?.email).toBe('sam@northwind.example');
    const approved = await agent.post('/console/escalations/esc_refund1/approve');
    expect(decodeURIComponent(approved.headers.get('location')!)).toContain('Executed: Refund $289.00');
    expect(backend.executed).toEqual(['held_1']);
    await agent.post('/console/escalations/esc_refund1/reply', { text: 'Your refund is on its way.' });
    expect(backend.replies).toEqual([{ id: 'esc_refund1', text: 'Your refund is on its way.', by: 'sam@northwind.example' }]);
    await agent.post('/console/escalations/esc_refund1/note', { text: 'Checked the tent came back.' });
    const empty = await agent.post('/console/api/escalations/esc_refund1/note', { text: '   ' });
    expect(empty.status).toBe(400);
    const resolved = await agent.request('/console/api/escalations/esc_refund1/resolve', { method: 'POST', headers: { 'x-csrf-token': agent.csrf } });
    expect(await resolved.json()).toEqual({ ok: true, message: 'Resolved.' });
    const view = await (await agent.request('/console/escalations/esc_refund1')).text();
    expect(view).toContain('approved by sam@northwind.example');
    expect(view).toContain('Checked the tent came back.');
    expect(view).not.toContain('Approve and execute');
  });

  it('streams new escalations to an open queue without a reload', async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.url}/console/api/stream?status=open&since=${encodeURIComponent(new Date().toISOString())}`, { headers: { cookie: agent.cookieHeader }, signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    setTimeout(() => backend.raise({ ...heldRefundEscalation('esc_live', 0), summary: 'Live one from the widget' }), 100);
    let text = '';
    const deadline = Date.now() + 5000;
    while (!text.includes('esc_live') && Date.now() < deadline) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    const event = text.split('\n\n').find((block) => block.includes('esc_live'))!;
    expect(event).toContain('event: escalation');
    const data = JSON.parse(event.split('\n').find((line) => line.startsWith('data: '))!.slice(6)) as { id: string; row: string };
    expect(data.id).toBe('esc_live');
    expect(data.row).toContain('Live one from the widget');
    expect(data.row).toContain(`name="_csrf" value="${agent.csrf}"`);
  });
});

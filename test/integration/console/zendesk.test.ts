import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createZendeskTicket, zendeskSettings } from '../../../src/flows/console/index.ts';
import { ConsoleClient } from '../../helpers/console-client.ts';
import { MemoryConsoleBackend, heldRefundEscalation } from '../../helpers/console-backend.ts';
import { TEA_SHOP } from '../../helpers/paths.ts';
import { startTestServer } from '../../helpers/server.ts';

/**
 * A local stand-in for Zendesk that accepts only what the Tickets API documents:
 * POST /api/v2/tickets.json, Basic auth of `{email}/token:{api_token}`, a JSON `{ ticket }` body.
 * It answers 201 with the created ticket, or 401 like Zendesk does for bad credentials.
 */
const received: Array<{ method: string; url: string; auth: string; type: string; body: Record<string, unknown> }> = [];
let zendesk: Server;
let zendeskUrl: string;
const EMAIL = 'support@northwind.example';
const TOKEN = 'zd_test_token_123';

async function readBody(request: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of request) text += chunk;
  return text;
}

beforeAll(async () => {
  zendesk = createServer(async (request, response) => {
    const body = JSON.parse(await readBody(request) || '{}') as Record<string, unknown>;
    received.push({ method: request.method!, url: request.url!, auth: request.headers.authorization ?? '', type: request.headers['content-type'] ?? '', body });
    const expectedAuth = `Basic ${Buffer.from(`${EMAIL}/token:${TOKEN}`).toString('base64')}`;
    if (request.method !== 'POST' || request.url !== '/api/v2/tickets.json') return response.writeHead(404).end();
    if (request.headers.authorization !== expectedAuth) return response.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"Couldn\'t authenticate you"}');
    response.writeHead(201, { 'content-type': 'application/json', location: `${zendeskUrl}/api/v2/tickets/35436.json` });
    response.end(JSON.stringify({ ticket: { id: 35436, url: `${zendeskUrl}/api/v2/tickets/35436.json`, ...(body.ticket as object), status: 'new' } }));
  });
  await new Promise<void>((resolve) => zendesk.listen(0, '127.0.0.1', resolve));
  zendeskUrl = `http://127.0.0.1:${(zendesk.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => zendesk.close(() => resolve())));

describe('Zendesk hand-off', () => {
  it('creates a ticket with the documented request: path, basic token auth and a ticket body with transcript and links', async () => {
    const settings = zendeskSettings({ zendeskBaseUrl: zendeskUrl, zendeskEmail: EMAIL, zendeskApiToken: TOKEN })!;
    const ticket = await createZendeskTicket(settings, heldRefundEscalation(), 'http://shop.example/console/escalations/esc_refund1');
    expect(ticket).toEqual({ id: 35436, url: `${zendeskUrl}/agent/tickets/35436` });
    const request = received.at(-1)!;
    expect(request).toMatchObject({ method: 'POST', url: '/api/v2/tickets.json', type: 'application/json' });
    const body = request.body as { ticket: Record<string, unknown> & { comment: { body: string; public: boolean } } };
    expect(Object.keys(body)).toEqual(['ticket']);
    expect(body.ticket).toMatchObject({
      subject: '[refund_approval] Refund of $289.00 for a returned tent needs approval',
      priority: 'high', type: 'problem', external_id: 'esc_refund1', tags: ['shopkeeper', 'reason_refund_approval'],
      requester: { name: 'Maya Chen', email: 'maya@example.com' },
      comment: { public: false },
    });
    expect(body.ticket.comment.body).toContain('Open in Shopkeeper: http://shop.example/console/escalations/esc_refund1');
    expect(body.ticket.comment.body).toContain('Order: NW-1042 (delivered)');
    expect(body.ticket.comment.body).toMatch(/shopper: Hi, I returned the Basecamp 4 tent/);
  });

  it('reports bad credentials with the fix, and is off unless fully configured', async () => {
    const settings = zendeskSettings({ zendeskBaseUrl: zendeskUrl, zendeskEmail: EMAIL, zendeskApiToken: 'wrong' })!;
    await expect(createZendeskTicket(settings, heldRefundEscalation(), 'http://x')).rejects.toMatchObject({ code: 'unavailable', details: { fix: expect.stringContaining('ZENDESK_API_TOKEN') } });
    expect(zendeskSettings({ zendeskSubdomain: 'northwind', zendeskEmail: EMAIL })).toBeNull();
    expect(zendeskSettings({ zendeskSubdomain: 'northwind', zendeskEmail: EMAIL, zendeskApiToken: TOKEN })?.baseUrl).toBe('https://northwind.zendesk.com');
  });

  it('is offered in the console when configured and sends the escalation from there', async () => {
    const server = await startTestServer({
      merchant: TEA_SHOP,
      env: { ZENDESK_BASE_URL: zendeskUrl, ZENDESK_EMAIL: EMAIL, ZENDESK_API_TOKEN: TOKEN },
      server: { consoleBackend: new MemoryConsoleBackend([heldRefundEscalation()]) },
    });
    try {
      await server.runtime.accounts.add('sam@northwind.example', 'agent', 'correct horse battery staple');
      const agent = new ConsoleClient(server.url);
      await agent.signIn('sam@northwind.example', 'correct horse battery staple');
      expect(await (await agent.request('/console/escalations/esc_refund1')).text()).toContain('Send to Zendesk');
      const sent = await agent.post('/console/escalations/esc_refund1/zendesk');
      expect(decodeURIComponent(sent.headers.get('location')!)).toContain('Zendesk ticket #35436 created');
      expect((received.at(-1)!.body.ticket as { comment: { body: string } }).comment.body).toContain(`${server.url}/console/escalations/esc_refund1`);
    } finally {
      await server.stop();
    }
  });
});

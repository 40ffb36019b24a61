import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { QC_ADDRESS, acpClient } from '../helpers/acp.ts';
import { TEA_SHOP } from '../helpers/paths.ts';
import { startTestServer } from '../helpers/server.ts';

/*
 * Low finding: order webhooks followed redirects, so a receiver (or whoever controls its host)
 * could bounce the signed order, with the buyer's details, to any address, including internal ones.
 */
const servers: Server[] = [];
afterAll(() => {
  for (const server of servers) {
    server.close();
    server.closeAllConnections();
  }
});

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('order webhooks and redirects', () => {
  it('treat a 3xx answer as a failed delivery and never send the order to the redirect target', async () => {
    const bounced: string[] = [];
    const target = await listen((request, response) => {
      bounced.push(request.url ?? '');
      response.writeHead(200).end('{}');
    });
    const hook = await listen((_request, response) => response.writeHead(307, { Location: `${target}/internal` }).end());
    const server = await startTestServer({ merchant: TEA_SHOP, env: { SHOPKEEPER_ACP_WEBHOOK_URL: `${hook}/order_events`, SHOPKEEPER_ACP_WEBHOOK_SECRET: 'whsec_redirect_test_secret' } });
    try {
      const acp = acpClient(server.url, '2026-04-17');
      const created = await acp('POST', '/checkout_sessions', { currency: 'cad', line_items: [{ id: 'HL-SEN-50' }], capabilities: {}, buyer: { email: 'hook@example.com' }, fulfillment_details: { name: 'Hook Test', address: QC_ADDRESS } });
      const completed = await acp('POST', `/checkout_sessions/${created.body.id}/complete`, { payment_data: { handler_id: 'card_spt', instrument: { type: 'card', credential: { type: 'spt', token: 'spt_test_visa' } } } });
      expect(completed.body.status).toBe('completed');
      const event = async () => server.runtime.sql.get<{ attempts: number; delivered_at: string | null; last_error: string | null }>('SELECT attempts, delivered_at, last_error FROM checkout_outbox');
      for (let wait = 0; wait < 50 && !((await event())?.attempts); wait++) await new Promise((resolve) => setTimeout(resolve, 100));
      const row = (await event())!;
      expect(row.attempts).toBeGreaterThan(0);
      expect(row.delivered_at).toBeNull();
      expect(row.last_error).toMatch(/30\d/);
      expect(bounced).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, TEA_SHOP, tempDir } from '../helpers/paths.ts';
import { HAVE_SPECS, QC_ADDRESS, acpClient, schemaErrors } from '../helpers/acp.ts';
import { startTestServer } from '../helpers/server.ts';

const SECRET = 'whsec_test_merchant_signature_key';
const data = tempDir();
const children: ChildProcess[] = [];
let receiver: Server | undefined;
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  receiver?.close();
  receiver?.closeAllConnections();
  data.cleanup();
});

interface Delivery { headers: IncomingMessage['headers']; body: string }

/** Starts the real CLI server in a child process and resolves with its URL. */
function serve(webhookUrl: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--merchant', TEA_SHOP, '--data', data.path, '--port', '0', '--json'], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LOG_LEVEL: 'silent', SHOPKEEPER_ACP_WEBHOOK_URL: webhookUrl, SHOPKEEPER_ACP_WEBHOOK_SECRET: SECRET, SHOPKEEPER_ACP_WEBHOOK_TIMEOUT_MS: '800' },
    });
    children.push(child);
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n').find((candidate) => candidate.startsWith('{'));
      if (line) resolve({ child, url: (JSON.parse(line) as { url: string }).url });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

describe('order webhooks', () => {
  it('survive a SIGKILL mid-delivery: the restarted process delivers the signed, full Order', async () => {
    const deliveries: Delivery[] = [];
    let firstArrived!: () => void;
    const arrived = new Promise<void>((resolve) => (firstArrived = resolve));
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        deliveries.push({ headers: request.headers, body });
        if (deliveries.length === 1) {
          firstArrived(); // hang: the sender is killed while waiting for us
          return;
        }
        response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"received":true}');
      });
    });
    await new Promise<void>((resolve) => receiver!.listen(0, '127.0.0.1', resolve));
    const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/agentic_checkout/webhooks/order_events`;

    const first = await serve(hook);
    const acp = acpClient(first.url, '2026-04-17');
    const created = await acp('POST', '/checkout_sessions', { currency: 'cad', line_items: [{ id: 'HL-SEN-50' }], capabilities: {}, buyer: { email: 'hook@example.com' }, fulfillment_details: { name: 'Hook Test', address: QC_ADDRESS } });
    const completed = await acp('POST', `/checkout_sessions/${created.body.id}/complete`, { payment_data: { handler_id: 'card_spt', instrument: { type: 'card', credential: { type: 'spt', token: 'spt_test_visa' } } } });
    expect(completed.body.status).toBe('completed');
    await arrived;
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));

    const second = await serve(hook);
    const deadline = Date.now() + 45_000;
    while (deliveries.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    second.child.kill('SIGTERM');
    expect(deliveries.length).toBeGreaterThanOrEqual(2);
    const [hung, delivered] = deliveries as [Delivery, Delivery];
    expect(delivered.headers['webhook-id']).toBe(hung.headers['webhook-id']);
    const signature = String(delivered.headers['merchant-signature']);
    expect(signature).toMatch(/^t=\d+,v1=[a-f0-9]{64}$/);
    const [, t, v1] = /^t=(\d+),v1=([a-f0-9]{64})$/.exec(signature)!;
    expect(v1).toBe(createHmac('sha256', SECRET).update(`${t}.${delivered.body}`).digest('hex'));
    expect(Math.abs(Date.now() / 1000 - Number(t))).toBeLessThan(300);
    const event = JSON.parse(delivered.body);
    expect(event.type).toBe('order_create');
    expect(event.data).toMatchObject({ type: 'order', id: completed.body.order.id, checkout_session_id: created.body.id, status: 'confirmed' });
    if (HAVE_SPECS) expect(schemaErrors('2026-04-17', 'Order', event.data)).toEqual([]);
    expect(event.data.line_items[0].quantity).toEqual({ ordered: 1, current: 1, fulfilled: 0 });
  }, 90_000);
});

describe('order webhook retries', () => {
  it('retries a failed delivery with backoff and uses the configured event names', async () => {
    const bodies: string[] = [];
    const failing = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        bodies.push(body);
        response.writeHead(bodies.length === 1 ? 503 : 200).end('{}');
      });
    });
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    const shop = await startTestServer({ merchant: TEA_SHOP, env: {
      SHOPKEEPER_ACP_WEBHOOK_URL: `http://127.0.0.1:${(failing.address() as AddressInfo).port}/hooks`, SHOPKEEPER_ACP_WEBHOOK_SECRET: SECRET, SHOPKEEPER_ACP_WEBHOOK_EVENTS: 'order_created,order_updated',
    } });
    try {
      const acp = acpClient(shop.url, '2026-04-17');
      const created = await acp('POST', '/checkout_sessions', { currency: 'cad', line_items: [{ id: 'HL-SEN-50' }], capabilities: {}, buyer: { email: 'retry@example.com' }, fulfillment_details: { name: 'Retry Test', address: QC_ADDRESS } });
      await acp('POST', `/checkout_sessions/${created.body.id}/complete`, { payment_data: { handler_id: 'card_spt', instrument: { type: 'card', credential: { type: 'spt', token: 'spt_test_visa' } } } });
      const deadline = Date.now() + 20_000;
      while ((await shop.runtime.checkoutOutbox.pending()) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await shop.runtime.checkoutOutbox.pending()).toBe(0);
      expect(bodies.length).toBe(2);
      expect(JSON.parse(bodies[1]!).type).toBe('order_created');
      const row = await shop.runtime.sql.get<{ attempts: number; last_error: string }>('SELECT attempts, last_error FROM checkout_outbox');
      expect(row).toEqual({ attempts: 2, last_error: 'HTTP 503' });
    } finally {
      await shop.stop();
      failing.close();
    }
  }, 40_000);
});

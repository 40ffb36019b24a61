import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookOutbox } from '../../../src/escalations/index.ts';
import { verifyWebhookSignature } from '../../../src/platform/index.ts';
import { startSupport, type SupportHarness } from '../../helpers/support.ts';

const SECRET = 'whsec-test-secret-0123456789';
let receiver: Server;
let url: string;
const received: Array<{ headers: IncomingMessage['headers']; body: string; status: number }> = [];
let failNext = 1;

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const status = failNext > 0 ? 500 : 200;
      if (failNext > 0) failNext--;
      received.push({ headers: request.headers, body, status });
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

describe('escalation webhook outbox', () => {
  let shop: SupportHarness;
  beforeAll(async () => { shop = await startSupport({ env: { SHOPKEEPER_ESCALATION_WEBHOOK_URL: 'http://127.0.0.1:9/unused', SHOPKEEPER_ESCALATION_WEBHOOK_SECRET: SECRET } }); });
  afterAll(() => shop.stop());

  it('delivers signed events and retries after a 500 with backoff', async () => {
    expect(shop.runtime.escalationWebhook).not.toBeNull();
    let now = new Date('2026-11-28T10:00:00Z');
    const outbox = new WebhookOutbox(shop.runtime.sql, { url, secret: SECRET, baseDelayMs: 1_000, now: () => now });
    const token = await shop.token();
    const { escalation_id } = await shop.call<{ escalation_id: string }>('escalate_to_human', { customer_token: token, reason: 'Wants a person', summary: 'Asked for a human', category: 'customer_request' });

    expect(await outbox.deliverDue()).toBe(0);
    expect(received).toHaveLength(1);
    expect(received[0]!.status).toBe(500);
    expect(await outbox.list()).toEqual([expect.objectContaining({ type: 'escalation.created', status: 'pending', attempts: 1, last_error: 'HTTP 500' })]);
    expect(await outbox.deliverDue()).toBe(0);
    expect(received).toHaveLength(1);

    now = new Date(now.getTime() + 1_000);
    expect(await outbox.deliverDue()).toBe(1);
    const delivery = received[1]!;
    expect(delivery.status).toBe(200);
    expect(delivery.headers['shopkeeper-event']).toBe('escalation.created');
    const signature = String(delivery.headers['shopkeeper-signature']);
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(SECRET, delivery.body, signature, 300, Math.floor(now.getTime() / 1000))).toBe(true);
    expect(verifyWebhookSignature('wrong-secret-wrong-secret', delivery.body, signature, 300, Math.floor(now.getTime() / 1000))).toBe(false);
    expect(verifyWebhookSignature(SECRET, `${delivery.body} `, signature, 300, Math.floor(now.getTime() / 1000))).toBe(false);
    const event = JSON.parse(delivery.body) as { type: string; data: { id: string; summary: string; customer_id: string } };
    expect(event.data).toMatchObject({ id: escalation_id, summary: 'Asked for a human', customer_id: 'cus_ana' });
    expect((await outbox.list())[0]).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(await outbox.deliverDue()).toBe(0);
  });

  it('gives up after the configured attempts', async () => {
    failNext = 100;
    let now = new Date('2026-11-28T11:00:00Z');
    const outbox = new WebhookOutbox(shop.runtime.sql, { url, secret: SECRET, baseDelayMs: 10, maxAttempts: 3, now: () => now });
    const escalation = (await shop.runtime.escalations.list({ limit: 1 }))[0]!;
    await shop.runtime.escalations.setStatus(escalation.id, 'waiting_on_customer', { actor: { kind: 'support_agent', id: 'a1' }, channel: 'console', now });
    for (let attempt = 0; attempt < 4; attempt++) {
      await outbox.deliverDue();
      now = new Date(now.getTime() + 60_000);
    }
    expect((await outbox.list()).at(-1)).toMatchObject({ type: 'escalation.updated', status: 'failed', attempts: 3 });
  });
});

import { createHmac } from 'node:crypto';
import type { Services } from '../../flows/index.ts';
import { newId } from '../../platform/index.ts';
import { baseUrlOf } from './render-context.ts';
import { renderOrder } from './render-order.ts';

/** `Merchant-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>` (ACP 2026-04-17). */
export function signWebhook(secret: string, rawBody: string, timestamp = Math.floor(Date.now() / 1000)): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

/**
 * Delivers the checkout outbox to the agent platform: leases due events, POSTs the full Order,
 * signed; 2xx marks delivered, anything else retries with backoff. A process killed mid-delivery
 * leaves a lease that expires, and the next worker (after a restart) sends the event again, so
 * receivers see every event at least once (the event id lets them drop duplicates).
 */
export function startWebhookWorker(services: Services, options: { intervalMs?: number; baseUrl?: string } = {}): { stop(): void; tick(): Promise<void> } {
  const { config } = services;
  const [createdName, updatedName] = config.acpWebhookEvents.split(',') as [string, string];
  let running = false;
  const tick = async () => {
    if (running || !config.acpWebhookUrl || !config.acpWebhookSecret) return;
    running = true;
    try {
      const now = Date.now();
      for (const event of await services.checkoutOutbox.lease(now, config.acpWebhookTimeoutMs + 1000)) {
        try {
          const session = await services.checkout.get(event.session_id);
          if (!session.order) throw new Error('session has no order');
          const live = await services.orders.getOrder(session.order.number);
          const status = live ? ({ pending: 'confirmed', processing: 'processing', shipped: 'shipped', delivered: 'completed', cancelled: 'canceled' } as Record<string, string>)[live.status] ?? live.status : 'confirmed';
          const body = JSON.stringify({ type: event.type === 'order_created' ? createdName : updatedName, data: renderOrder(session, { services, baseUrl: options.baseUrl ?? baseUrlOf(services) }, status) });
          const response = await fetch(config.acpWebhookUrl, {
            // A redirect is a failure: following it would send the signed order wherever the receiver points.
            method: 'POST', body, redirect: 'manual', signal: AbortSignal.timeout(config.acpWebhookTimeoutMs),
            headers: { 'Content-Type': 'application/json', 'Merchant-Signature': signWebhook(config.acpWebhookSecret, body), 'Request-Id': newId('req'), 'Webhook-Id': event.id, Timestamp: new Date().toISOString() },
          });
          if (!response.ok) throw new Error(response.status >= 300 && response.status < 400 ? `HTTP ${response.status} redirect refused` : `HTTP ${response.status}`);
          await services.checkoutOutbox.delivered(event.id);
        } catch (error) {
          services.logger.warn({ event: event.id, attempts: event.attempts + 1, err: (error as Error).message }, 'order webhook failed; will retry');
          await services.checkoutOutbox.failed(event.id, event.attempts, (error as Error).message, Date.now());
        }
      }
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), options.intervalMs ?? 500);
  timer.unref();
  return { stop: () => clearInterval(timer), tick };
}

import type { Request, Response } from 'express';
import type { Services } from '../../flows/index.ts';

interface VerifiesWebhooks {
  verifyWebhook(rawBody: string | Buffer, signature: string): { id: string; type: string };
}

function verifier(services: Services): VerifiesWebhooks | null {
  return 'verifyWebhook' in services.payments ? (services.payments as unknown as VerifiesWebhooks) : null;
}

/**
 * POST /stripe/webhooks: Stripe events verified with the SDK (Stripe-Signature over the raw body).
 * Checkout needs no event to finish (the PaymentIntent is confirmed synchronously), so events are
 * acknowledged and logged; refunds and disputes will feed order adjustments.
 */
export function stripeWebhookRoute(services: Services) {
  return (request: Request, response: Response) => {
    const stripe = verifier(services);
    if (!stripe || !services.config.stripeWebhookSecret) {
      response.status(404).json({ error: 'Stripe webhooks are not configured (STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET).' });
      return;
    }
    const raw = (request as { rawBody?: Buffer }).rawBody;
    try {
      const event = stripe.verifyWebhook(raw ?? '', request.get('Stripe-Signature') ?? '');
      services.logger.info({ event: event.id, type: event.type }, 'stripe webhook');
      response.json({ received: true });
    } catch {
      response.status(400).json({ error: 'invalid Stripe-Signature' });
    }
  };
}

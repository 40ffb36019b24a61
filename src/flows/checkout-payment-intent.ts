import type { CheckoutSession } from '../checkout/index.ts';
import { ShopkeeperError } from '../platform/index.ts';
import type { Services } from './services.ts';

export interface CheckoutPaymentIntent {
  id: string;
  clientSecret: string;
  amount: number;
  currency: string;
}

/**
 * Creates the PaymentIntent the hosted checkout page's Payment Element confirms, for the session
 * total as the server computes it (the browser never names an amount). The idempotency key is the
 * session plus amount and currency: reloads and double clicks get the same intent, and a changed
 * total (another shipping option) gets a new one instead of Stripe refusing a reused key.
 */
export async function createCheckoutPaymentIntent(services: Services, sessionId: string): Promise<CheckoutPaymentIntent> {
  const payments = services.payments;
  if (!payments.createPaymentIntent) {
    throw new ShopkeeperError('unavailable', `The ${payments.provider} payments provider has no browser payments.`, { fix: 'Set STRIPE_SECRET_KEY and STRIPE_PUBLISHABLE_KEY to pay with the Stripe Payment Element.' });
  }
  const session: CheckoutSession = await services.checkout.get(sessionId);
  if (session.status !== 'ready_for_payment') {
    throw new ShopkeeperError('conflict', `Checkout ${session.id} is ${session.status}, not ready_for_payment.`, { fix: 'Add the email, the address and a shipping option first; a completed checkout needs no payment.' });
  }
  const currency = session.currency.toLowerCase();
  const intent = await payments.createPaymentIntent({
    amount: session.totals.total, currency,
    idempotencyKey: `checkout:${session.id}:intent:${session.totals.total}:${currency}`,
    description: `Checkout ${session.id}`,
    // completeCheckout passes the same metadata to the adapter, which refuses an intent without it.
    metadata: { checkout_session_id: session.id },
  });
  return { id: intent.id, clientSecret: intent.clientSecret, amount: intent.amount, currency: intent.currency };
}

import type Stripe from 'stripe';
import type { BrowserPaymentIntent, ChargeRequest, ChargeResult, DeclineCode, PaymentIntentRequest } from './port.ts';

/**
 * The Stripe Payment Element half of the Stripe adapter: the server creates the PaymentIntent,
 * the buyer's browser confirms it with Stripe.js, and the server accepts it as the charge only
 * after retrieving it from Stripe itself. Whatever the browser says is never trusted.
 */

/** Paid, or authorised for a later capture; `processing` is not accepted because it can still fail. */
const PAID = new Set(['succeeded', 'requires_capture']);

export async function createBrowserIntent(stripe: Stripe, request: PaymentIntentRequest): Promise<BrowserPaymentIntent> {
  const intent = await stripe.paymentIntents.create({
    amount: request.amount,
    currency: request.currency.toLowerCase(),
    // Lets the merchant turn payment methods on and off in the Stripe Dashboard without a deploy.
    automatic_payment_methods: { enabled: true },
    ...(request.description ? { description: request.description } : {}),
    metadata: request.metadata,
  }, { idempotencyKey: request.idempotencyKey });
  if (!intent.client_secret) throw new Error(`Stripe returned PaymentIntent ${intent.id} without a client_secret`);
  return { id: intent.id, clientSecret: intent.client_secret, amount: intent.amount, currency: intent.currency, status: intent.status };
}

/**
 * Verifies a PaymentIntent the browser reports as confirmed: it must exist on our account, carry
 * every metadata entry of the request (the checkout session id), be for exactly this amount and
 * currency, and be paid. Only then is it the charge; nothing is created or confirmed here.
 */
export async function acceptBrowserIntent(stripe: Stripe, request: ChargeRequest): Promise<ChargeResult> {
  const declined = (code: DeclineCode, message: string): ChargeResult => ({ status: 'declined', code, message, provider: 'stripe' });
  if (!/^pi_[A-Za-z0-9_]+$/.test(request.token)) return declined('invalid_token', 'Expected the id of a Stripe PaymentIntent (pi_…).');
  let intent: Stripe.PaymentIntent;
  try {
    intent = await stripe.paymentIntents.retrieve(request.token);
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return declined('invalid_token', `PaymentIntent ${request.token} is unknown to our Stripe account.`);
    throw error;
  }
  for (const [key, value] of Object.entries(request.metadata ?? {})) {
    if (intent.metadata?.[key] !== value) return declined('intent_mismatch', `PaymentIntent ${intent.id} was not created for this checkout (${key} differs).`);
  }
  if (intent.currency.toLowerCase() !== request.currency.toLowerCase() || intent.amount !== request.amount) {
    const mismatch = `PaymentIntent ${intent.id} is for ${intent.amount} ${intent.currency.toUpperCase()}, the checkout total is ${request.amount} ${request.currency.toUpperCase()}.`;
    // The buyer paid for this checkout, but an older total (the shipping option changed while the
    // card was being confirmed): give the money back instead of leaving it for someone to notice.
    const released = await releasePaid(stripe, intent);
    return declined('intent_mismatch', released ? `${mismatch} That payment was ${released}; pay the new total.` : mismatch);
  }
  if (!PAID.has(intent.status)) {
    const hint = intent.status === 'requires_action' ? 'the buyer has not finished authenticating it' : intent.status === 'processing' ? 'it is still processing' : 'it has no successful payment';
    return declined('payment_incomplete', `The payment has not gone through: PaymentIntent ${intent.id} is ${intent.status} (${hint}).`);
  }
  return { status: 'succeeded', id: intent.id, amount: intent.amount, currency: intent.currency, provider: 'stripe' };
}

/** Refunds a captured intent or cancels an authorised one; null when there was no money to release. */
async function releasePaid(stripe: Stripe, intent: Stripe.PaymentIntent): Promise<string | null> {
  if (intent.status === 'succeeded') {
    await stripe.refunds.create({ payment_intent: intent.id, reason: 'requested_by_customer' }, { idempotencyKey: `release:${intent.id}` });
    return 'refunded';
  }
  if (intent.status === 'requires_capture') {
    await stripe.paymentIntents.cancel(intent.id, {}, { idempotencyKey: `release:${intent.id}` });
    return 'released';
  }
  return null;
}

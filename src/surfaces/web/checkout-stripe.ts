import { randomBytes } from 'node:crypto';
import { Router, type RequestHandler, type Response } from 'express';
import helmet from 'helmet';
import { z } from 'zod';
import type { CheckoutSession } from '../../checkout/index.ts';
import { completeCheckout, createCheckoutPaymentIntent, type Services } from '../../flows/index.ts';
import { ShopkeeperError } from '../../platform/index.ts';
import { viewCheckout } from '../../tools/checkout-view.ts';
import { sendProblem, zodProblem } from '../http/problem.ts';

/**
 * Stripe mode of the hosted checkout page: the Payment Element (Stripe.js) takes the card in the
 * buyer's browser, so the card never touches this server. These steps are not agent tools (agents
 * pay with Shared Payment Tokens through complete_checkout); they call the flows directly.
 */

/** Stripe mode needs both keys: the secret one for the server, the publishable one for Stripe.js. */
export function stripeMode(services: Services): boolean {
  return Boolean(services.config.stripeSecretKey && services.config.stripePublishableKey && services.payments.createPaymentIntent);
}

// Stripe's published CSP for Stripe.js and Elements: the script, its iframes (card fields, 3-D
// Secure challenges through hooks.stripe.com), its API calls and its images.
const STRIPE_JS = ['https://js.stripe.com', 'https://*.js.stripe.com'];

/**
 * The page's Content-Security-Policy (the app turns helmet's global CSP off because the widget is
 * embedded elsewhere). The inline script runs by nonce; Stripe's origins are allowed only in
 * Stripe mode, so test mode loads nothing from outside.
 */
export function checkoutCsp(stripe: boolean): RequestHandler[] {
  const nonce = (_request: unknown, response: unknown) => `'nonce-${(response as Response).locals.cspNonce as string}'`;
  return [
    (_request, response, next) => { response.locals.cspNonce = randomBytes(16).toString('base64'); next(); },
    helmet.contentSecurityPolicy({
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", nonce, ...(stripe ? STRIPE_JS : [])],
        styleSrc: ["'self'", "'unsafe-inline'"],
        frameSrc: stripe ? [...STRIPE_JS, 'https://hooks.stripe.com'] : ["'none'"],
        connectSrc: ["'self'", ...(stripe ? ['https://api.stripe.com'] : [])],
        imgSrc: ["'self'", 'data:', ...(stripe ? ['https://*.stripe.com'] : [])],
        objectSrc: ["'none'"], baseUri: ["'none'"], formAction: ["'self'"], frameAncestors: ["'self'"],
      },
    }),
  ];
}

const intentBody = z.object({ payment_intent_id: z.string().regex(/^pi_[A-Za-z0-9_]+$/, 'must be a PaymentIntent id (pi_…)').max(200) });

/** Answers with the session after a browser-confirmed payment: 200 paid, 202 being paid, 4xx refused. */
function sendOutcome(services: Services, response: Response, session: CheckoutSession): void {
  if (session.status === 'completed') return void response.json({ ...viewCheckout(services, session), charged: true });
  if (session.status === 'complete_in_progress') return void response.status(202).json({ ...viewCheckout(services, session), charged: false });
  const errors = session.messages.filter((message) => message.type === 'error').map((message) => message.content);
  if (session.status === 'ready_for_payment' && errors.length) {
    return sendProblem(response, { title: 'Payment not accepted', status: 402, code: 'payment_failed', detail: errors.join(' '), fix: 'Pay again on the checkout page; nothing was ordered.' });
  }
  sendProblem(response, { title: 'Checkout problem', status: 409, code: 'conflict', detail: `Checkout ${session.id} is ${session.status}${errors.length ? `: ${errors.join(' ')}` : ''}.`, fix: 'Reload the checkout page.' });
}

export function stripeCheckoutRoutes(services: Services): Router {
  const router = Router();
  const requireStripe = (): void => {
    if (!stripeMode(services)) throw new ShopkeeperError('unavailable', 'Card payments with Stripe are not configured on this server.', { fix: 'Set STRIPE_SECRET_KEY and STRIPE_PUBLISHABLE_KEY.' });
  };

  // Creates (or returns the same) PaymentIntent for the session total; the browser mounts the Payment Element with it.
  router.post('/api/checkout/:id/payment-intent', async (request, response) => {
    requireStripe();
    const intent = await createCheckoutPaymentIntent(services, request.params.id);
    response.setHeader('Cache-Control', 'no-store');
    response.json({
      payment_intent_id: intent.id, client_secret: intent.clientSecret, publishable_key: services.config.stripePublishableKey,
      amount: intent.amount, currency: intent.currency,
    });
  });

  // After stripe.confirmPayment: the flow retrieves the intent from Stripe and checks it before ordering.
  router.post('/api/checkout/:id/payment-intent/complete', async (request, response) => {
    requireStripe();
    const parsed = intentBody.safeParse(request.body ?? {});
    if (!parsed.success) return sendProblem(response, zodProblem(parsed.error, 'body'));
    const session = await completeCheckout(services, {
      sessionId: request.params.id, paymentIntentId: parsed.data.payment_intent_id,
      // One key per intent: a replay of the same intent is the same payment attempt.
      requestKey: `page:${request.params.id}:${parsed.data.payment_intent_id}`, baseUrl: services.baseUrl(),
    });
    sendOutcome(services, response, session);
  });
  return router;
}

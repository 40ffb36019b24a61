import Stripe from 'stripe';
import type { BrowserPaymentIntent, ChargeRequest, ChargeResult, DeclineCode, PaymentIntentRequest, PaymentsPort, RefundRequest, RefundResult } from './port.ts';
import { acceptBrowserIntent, createBrowserIntent } from './stripe-payment-element.ts';

/**
 * Shared Payment Tokens exist in the preview API only (docs.stripe.com changelog dahlia 2026-04-22);
 * GA SDKs have no typed SPT support, so these calls go through rawRequest with this version.
 */
export const STRIPE_SPT_API_VERSION = '2026-04-22.preview';

export interface StripeProviderOptions {
  secretKey: string;
  webhookSecret?: string;
  /** Point the SDK elsewhere (tests run a local server on 127.0.0.1). */
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
  now?: () => Date;
}

interface GrantedToken {
  id: string;
  deactivated_at?: number | null;
  deactivated_reason?: string | null;
  usage_limits?: { currency?: string; max_amount?: number; expires_at?: number | null } | null;
}

interface PaymentIntent { id: string; status: string; amount: number; currency: string; next_action?: { redirect_to_url?: { url?: string } } | null }

const DECLINE_CODES = new Set<DeclineCode>(['card_declined', 'insufficient_funds', 'expired_card', 'processing_error']);

/**
 * Stripe adapter: charges a Shared Payment Token with one PaymentIntent confirmed from
 * `payment_method_data[shared_payment_granted_token]`, after checking the token's usage limits
 * (amount, currency, expiry) ourselves, so a doomed charge never reaches the network.
 */
export class StripePaymentsProvider implements PaymentsPort {
  readonly provider = 'stripe';
  private readonly stripe: Stripe;

  constructor(private readonly options: StripeProviderOptions) {
    this.stripe = new Stripe(options.secretKey, {
      apiVersion: STRIPE_SPT_API_VERSION as Stripe.StripeConfig['apiVersion'],
      maxNetworkRetries: 2, timeout: 20_000, telemetry: false,
      ...(options.host ? { host: options.host } : {}), ...(options.port ? { port: options.port } : {}), ...(options.protocol ? { protocol: options.protocol } : {}),
    });
  }

  private declined(code: DeclineCode, message: string): ChargeResult {
    return { status: 'declined', code, message, provider: this.provider };
  }

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    if (request.browserConfirmed) return acceptBrowserIntent(this.stripe, request);
    if (request.authenticatedChargeId) return this.resume(request);
    if (!request.token.startsWith('spt_')) return this.declined('invalid_token', 'Stripe accepts Shared Payment Tokens (spt_…) here.');
    let token: GrantedToken;
    try {
      token = await this.stripe.rawRequest('GET', `/v1/shared_payment/granted_tokens/${encodeURIComponent(request.token)}`) as GrantedToken;
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return this.declined('invalid_token', 'The payment token is unknown to our Stripe account.');
      throw error;
    }
    const limits = token.usage_limits ?? {};
    const now = Math.floor((this.options.now?.() ?? new Date()).getTime() / 1000);
    if (token.deactivated_at) return this.declined('invalid_token', `The payment token is no longer usable (${token.deactivated_reason ?? 'deactivated'}).`);
    if (limits.expires_at && limits.expires_at <= now) return this.declined('expired_card', 'The payment token has expired; ask the buyer to pay again.');
    if (limits.currency && limits.currency.toLowerCase() !== request.currency.toLowerCase()) return this.declined('invalid_token', `The payment token is for ${limits.currency.toUpperCase()}, the order is in ${request.currency.toUpperCase()}.`);
    if (limits.max_amount !== undefined && request.amount > limits.max_amount) return this.declined('amount_too_large', `The order total ${request.amount} is above the token's limit of ${limits.max_amount}.`);
    return this.settle(() => this.stripe.rawRequest('POST', '/v1/payment_intents', {
      amount: request.amount, currency: request.currency.toLowerCase(), confirm: true,
      payment_method_data: { shared_payment_granted_token: request.token },
      ...(request.description ? { description: request.description } : {}),
      ...(request.metadata ? { metadata: request.metadata } : {}),
    }, { idempotencyKey: request.idempotencyKey }) as Promise<PaymentIntent>);
  }

  /** For the hosted checkout page's Payment Element; `charge` with `browserConfirmed` accepts it once paid. */
  createPaymentIntent(request: PaymentIntentRequest): Promise<BrowserPaymentIntent> {
    return createBrowserIntent(this.stripe, request);
  }

  /** After 3-D Secure: the PaymentIntent either already succeeded or needs one more confirm. */
  private async resume(request: ChargeRequest): Promise<ChargeResult> {
    const path = `/v1/payment_intents/${encodeURIComponent(request.authenticatedChargeId!)}`;
    return this.settle(async () => {
      const intent = await this.stripe.rawRequest('GET', path) as PaymentIntent;
      if (intent.status !== 'requires_confirmation') return intent;
      return await this.stripe.rawRequest('POST', `${path}/confirm`, {}, { idempotencyKey: request.idempotencyKey }) as PaymentIntent;
    });
  }

  private async settle(call: () => Promise<PaymentIntent>): Promise<ChargeResult> {
    let intent: PaymentIntent;
    try {
      intent = await call();
    } catch (error) {
      const stripeError = error as { type?: string; code?: string; decline_code?: string; message?: string; raw?: { payment_intent?: PaymentIntent } };
      if (stripeError.type === 'StripeCardError') {
        const code = (stripeError.decline_code ?? stripeError.code) as DeclineCode;
        return this.declined(DECLINE_CODES.has(code) ? code : 'card_declined', stripeError.message ?? 'The card was declined.');
      }
      throw error;
    }
    if (intent.status === 'requires_action') return { status: 'requires_action', id: intent.id, provider: this.provider, ...(intent.next_action?.redirect_to_url?.url ? { next_action_url: intent.next_action.redirect_to_url.url } : {}) };
    // `processing` is accepted as paid: Stripe settles it or sends payment_intent.payment_failed.
    if (intent.status === 'succeeded' || intent.status === 'requires_capture' || intent.status === 'processing') {
      return { status: 'succeeded', id: intent.id, amount: intent.amount, currency: intent.currency, provider: this.provider };
    }
    return this.declined('card_declined', `The payment did not go through (${intent.status}).`);
  }

  async refund(request: RefundRequest): Promise<RefundResult> {
    try {
      const refund = await this.stripe.rawRequest('POST', '/v1/refunds', {
        payment_intent: request.chargeId, amount: request.amount, ...(request.reason ? { reason: request.reason } : {}),
      }, { idempotencyKey: request.idempotencyKey }) as { id: string; status: string; amount: number };
      if (refund.status === 'failed' || refund.status === 'canceled') return { status: 'failed', message: `Stripe refund ${refund.status}`, provider: this.provider };
      return { status: refund.status === 'succeeded' ? 'succeeded' : 'pending', id: refund.id, amount: refund.amount, provider: this.provider };
    } catch (error) {
      const stripeError = error as { type?: string; message?: string };
      if (stripeError.type === 'StripeInvalidRequestError') return { status: 'failed', message: stripeError.message ?? 'Refund refused', provider: this.provider };
      throw error;
    }
  }

  /** Verifies a Stripe webhook (Stripe-Signature header) with the SDK; throws when it does not verify. */
  verifyWebhook(rawBody: string | Buffer, signature: string): Stripe.Event {
    if (!this.options.webhookSecret) throw new Error('STRIPE_WEBHOOK_SECRET is not set');
    return this.stripe.webhooks.constructEvent(rawBody, signature, this.options.webhookSecret);
  }
}

/**
 * The payments port: every charge and refund in Shopkeeper goes through one of these adapters
 * (`test` offline, `stripe` with STRIPE_SECRET_KEY). Amounts are integer minor units.
 */
export interface ChargeRequest {
  amount: number;
  currency: string;
  /**
   * A payment credential: a Stripe Shared Payment Token (spt_…), or a test token (tok_test_…,
   * spt_test_…); with `browserConfirmed`, the id of a PaymentIntent (pi_…).
   */
  token: string;
  /**
   * The buyer's browser already confirmed this PaymentIntent (Stripe Payment Element). The adapter
   * only verifies it with the provider (status, amount, currency, every metadata entry) and accepts
   * it as the charge: nothing is charged again, so replays cost nothing.
   */
  browserConfirmed?: boolean;
  /** Same key, same outcome: a retried charge never charges twice. */
  idempotencyKey: string;
  description?: string;
  metadata?: Record<string, string>;
  /** The buyer finished 3-D Secure for this earlier requires_action charge: finish it, never start another. */
  authenticatedChargeId?: string;
}

export type DeclineCode = 'card_declined' | 'insufficient_funds' | 'expired_card' | 'processing_error' | 'invalid_token' | 'amount_too_large'
  /** A browser-confirmed PaymentIntent that is not this checkout's (other session, amount or currency). */
  | 'intent_mismatch'
  /** A browser-confirmed PaymentIntent that has not succeeded (still requires_action, payment method…). */
  | 'payment_incomplete';

export type ChargeResult =
  | { status: 'succeeded'; id: string; amount: number; currency: string; provider: string }
  | { status: 'declined'; code: DeclineCode; message: string; provider: string }
  /** 3-D Secure or similar: the buyer must authenticate before the charge can finish. */
  | { status: 'requires_action'; id: string; provider: string; next_action_url?: string };

export interface RefundRequest {
  /** The provider's id of the original charge; imported orders may carry their own payment ids. */
  chargeId: string;
  amount: number;
  currency: string;
  idempotencyKey: string;
  reason?: 'requested_by_customer' | 'duplicate' | 'fraudulent';
}

export type RefundResult =
  | { status: 'succeeded' | 'pending'; id: string; amount: number; provider: string }
  | { status: 'failed'; message: string; provider: string };

/** A PaymentIntent the buyer's browser will confirm (Stripe Payment Element on the hosted checkout page). */
export interface PaymentIntentRequest {
  amount: number;
  currency: string;
  /** One intent per key: reloading the page or a retried request gets the same intent back. */
  idempotencyKey: string;
  description?: string;
  metadata: Record<string, string>;
}

export interface BrowserPaymentIntent {
  id: string;
  /** Lets the browser confirm this one intent; never log it. */
  clientSecret: string;
  amount: number;
  currency: string;
  status: string;
}

export interface PaymentsPort {
  readonly provider: string;
  charge(request: ChargeRequest): Promise<ChargeResult>;
  refund(request: RefundRequest): Promise<RefundResult>;
  /** Only providers with browser-side confirmation (Stripe) have it; the test provider does not. */
  createPaymentIntent?(request: PaymentIntentRequest): Promise<BrowserPaymentIntent>;
}

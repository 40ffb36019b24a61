/**
 * The payments port: every charge and refund in Shopkeeper goes through one of these adapters
 * (`test` offline, `stripe` with STRIPE_SECRET_KEY). Amounts are integer minor units.
 */
export interface ChargeRequest {
  amount: number;
  currency: string;
  /** A payment credential: a Stripe Shared Payment Token (spt_…), or a test token (tok_test_…, spt_test_…). */
  token: string;
  /** Same key, same outcome: a retried charge never charges twice. */
  idempotencyKey: string;
  description?: string;
  metadata?: Record<string, string>;
  /** The buyer finished 3-D Secure for this earlier requires_action charge: finish it, never start another. */
  authenticatedChargeId?: string;
}

export type DeclineCode = 'card_declined' | 'insufficient_funds' | 'expired_card' | 'processing_error' | 'invalid_token' | 'amount_too_large';

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

export interface PaymentsPort {
  readonly provider: string;
  charge(request: ChargeRequest): Promise<ChargeResult>;
  refund(request: RefundRequest): Promise<RefundResult>;
}

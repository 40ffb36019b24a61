import { withoutTxParticipant, type Clock } from '../platform/index.ts';
import type { CheckoutService } from './service.ts';
import type { CheckoutStore } from './store.ts';
import type { Buyer, CheckoutSession, Message, OrderRef } from './types.ts';

/** A claim older than this belongs to a request that died mid-payment; the next complete takes it over. */
export const DEFAULT_STALE_CLAIM_MS = 5 * 60 * 1000;

export type BeginPayment =
  | { kind: 'claimed'; session: CheckoutSession; paymentKey: string }
  /** Nothing to pay now: already completed, being completed, or not ready (see messages). */
  | { kind: 'current'; session: CheckoutSession };

/**
 * The payment half of a checkout, driven by the complete-checkout flow: claim (exactly one caller
 * wins), then exactly one of completed / declined / authentication required.
 */
export class CheckoutPayments {
  constructor(private readonly service: CheckoutService, private readonly store: CheckoutStore, private readonly clock: Clock, private readonly staleClaimMs = DEFAULT_STALE_CLAIM_MS) {}

  async begin(id: string, paymentKey: string, buyer?: Buyer): Promise<BeginPayment> {
    let session = await this.service.get(id);
    if (buyer && (session.status === 'ready_for_payment' || session.status === 'not_ready_for_payment')) {
      // Not the request's final effect: the payment outcome is.
      session = await withoutTxParticipant(() => this.service.update(id, { buyer: { ...session.buyer, ...buyer } }));
    }
    if (session.status !== 'ready_for_payment' && session.status !== 'authentication_required' && session.status !== 'complete_in_progress') return { kind: 'current', session };
    if (!session.buyer?.email && !session.contact?.email && session.status !== 'complete_in_progress') {
      return { kind: 'current', session: withMessage(session, { type: 'error', code: 'missing', param: '$.buyer.email', content: 'Add the buyer email so we can send the receipt.' }) };
    }
    const claimed = await this.store.claim(id, paymentKey, this.clock.now().getTime(), this.staleClaimMs);
    if (!claimed) return { kind: 'current', session: (await this.store.get(id))! };
    return { kind: 'claimed', session: claimed, paymentKey: (await this.store.claimKeyOf(id)) ?? paymentKey };
  }

  /**
   * The provider call failed without an answer (5xx after retries, timeout, network): the charge
   * may or may not exist. The session stays complete_in_progress under the same claim key, but
   * the claim is marked stale so the next complete takes it over at once and asks the provider
   * again with the same idempotency key (a replay if it did charge), instead of waiting out the timeout.
   */
  async abandon(session: CheckoutSession): Promise<void> {
    await this.store.abandonClaim(session.id, session.version);
  }

  /** Paid and ordered: the held stock is now sold, and an order_created event is queued atomically. */
  async complete(session: CheckoutSession, order: OrderRef): Promise<CheckoutSession> {
    const done = await this.store.save(session, { ...session, status: 'completed', reserved: false, order, messages: [], updated_at: this.clock.now().toISOString() }, 'order_created',
      (tx) => this.store.setReservations(session.id, new Map(), tx));
    return done ?? (await this.store.get(session.id))!;
  }

  /** The payment failed: back to ready (stock stays held) with the reason as a message. */
  async fail(session: CheckoutSession, message: Message): Promise<CheckoutSession> {
    const back = await this.store.save(session, { ...session, status: 'ready_for_payment', authentication: null, messages: [message], updated_at: this.clock.now().toISOString() });
    return back ?? (await this.store.get(session.id))!;
  }

  async requireAuthentication(session: CheckoutSession, chargeId: string): Promise<CheckoutSession> {
    const next = await this.store.save(session, {
      ...session, status: 'authentication_required', authentication: { charge_id: chargeId }, updated_at: this.clock.now().toISOString(),
      messages: [{ type: 'error', code: 'requires_3ds', param: '$.authentication_result', content: 'The card issuer asks the buyer to authenticate (3-D Secure) before paying.' }],
    });
    return next ?? (await this.store.get(session.id))!;
  }

  /**
   * Queues an order_updated webhook (full order state) when an order placed through checkout
   * changes (cancelled, shipped, refunded); false when the order did not come from a checkout.
   */
  async orderUpdated(orderNumber: string): Promise<boolean> {
    const session = await this.store.findByOrderNumber(orderNumber);
    if (!session) return false;
    await this.store.enqueue('order_updated', session);
    return true;
  }
}

function withMessage(session: CheckoutSession, message: Message): CheckoutSession {
  return { ...session, messages: [...session.messages, message] };
}

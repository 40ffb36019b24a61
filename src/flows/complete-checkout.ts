import { createHash } from 'node:crypto';
import type { CheckoutSession } from '../checkout/index.ts';
import type { Order } from '../orders/index.ts';
import type { ChargeResult, DeclineCode } from '../payments/index.ts';
import type { Buyer } from '../checkout/index.ts';
import type { Services } from './services.ts';

export interface CompleteCheckoutInput {
  sessionId: string;
  /** The payment credential: a Stripe Shared Payment Token or a test token. */
  token?: string;
  /**
   * Instead of a token: the Stripe PaymentIntent the buyer's browser confirmed on the hosted
   * checkout page. The payments adapter verifies it with Stripe and accepts it as the charge.
   */
  paymentIntentId?: string;
  /** Identifies this complete request (caller + its idempotency key); the payment key derives from it. */
  requestKey: string;
  buyer?: Buyer;
  /** The 3-D Secure outcome the agent reports after authentication_required. */
  authentication?: { outcome: string };
  /** This server's public origin, for the order permalink. */
  baseUrl: string;
}

/** ACP outcomes after which the issuer has authenticated the buyer (or accepted the attempt). */
const AUTHENTICATED = new Set(['authenticated', 'attempt_acknowledged', 'informational']);

/** Refusals of a browser-confirmed PaymentIntent: the card was not declined, so the message does not say so. */
const BROWSER_REFUSALS = new Set<DeclineCode>(['intent_mismatch', 'payment_incomplete']);

/** The order number is derived from the session, so a retried or taken-over complete writes the same order. */
export function orderNumberFor(sessionId: string): string {
  return `AC-${createHash('sha256').update(sessionId).digest('hex').slice(0, 10).toUpperCase()}`;
}

/**
 * Completes a checkout across capabilities: claim the session (one caller wins), charge, create
 * the order, mark it completed. If the order cannot be written after the charge, the charge is
 * refunded (compensation) and the session goes back to ready with the reason.
 */
export async function completeCheckout(services: Services, input: CompleteCheckoutInput): Promise<CheckoutSession> {
  const paymentKey = `checkout:${input.sessionId}:${createHash('sha256').update(input.requestKey).digest('base64url').slice(0, 24)}`;
  const begun = await services.checkoutPayments.begin(input.sessionId, paymentKey, input.buyer);
  if (begun.kind === 'current') return begun.session;
  const session = begun.session;
  const pending3ds = session.authentication?.charge_id;
  if (pending3ds && input.authentication && !AUTHENTICATED.has(input.authentication.outcome)) {
    await services.discountUses.release(session.id);
    return services.checkoutPayments.fail(session, { type: 'error', code: 'payment_declined', param: '$.authentication_result', content: `3-D Secure did not succeed (${input.authentication.outcome}); try again or use another card.` });
  }
  const email = (session.buyer?.email ?? session.contact?.email ?? '').toLowerCase();
  const refused = await services.discountUses.redeem({
    session, rules: services.merchant.profile.discounts, email, now: services.clock.now(),
    // Guest checkouts count too: a first-order code is not new again because the last order was a guest's.
    hasOrdered: () => services.orders.hasOrdersByEmail(email),
  });
  if (refused) return services.checkoutPayments.fail(session, refused);
  let charge: ChargeResult;
  try {
    charge = await services.payments.charge({
      amount: session.totals.total, currency: session.currency, idempotencyKey: begun.paymentKey,
      ...(input.paymentIntentId ? { token: input.paymentIntentId, browserConfirmed: true } : { token: input.token ?? '' }),
      description: `Checkout ${session.id}`, metadata: { checkout_session_id: session.id },
      ...(pending3ds && input.authentication ? { authenticatedChargeId: pending3ds } : {}),
    });
  } catch (error) {
    // Outcome unknown (provider 5xx, timeout): the retry must reach the provider again with the same key.
    await services.checkoutPayments.abandon(session);
    throw error;
  }
  if (charge.status === 'declined') {
    await services.discountUses.release(session.id);
    return services.checkoutPayments.fail(session, { type: 'error', code: 'payment_declined', param: '$.payment_data', content: `${BROWSER_REFUSALS.has(charge.code) ? 'Payment not accepted' : 'Payment declined'}: ${charge.message}` });
  }
  if (charge.status === 'requires_action') return services.checkoutPayments.requireAuthentication(session, charge.id);
  const number = orderNumberFor(session.id);
  try {
    await writeOrder(services, session, number, charge.id);
  } catch (error) {
    services.logger.error({ err: error, session: session.id }, 'order write failed after charge; refunding');
    await services.payments.refund({ chargeId: charge.id, amount: charge.amount, currency: session.currency, idempotencyKey: `${begun.paymentKey}:compensate`, reason: 'duplicate' });
    await services.discountUses.release(session.id);
    return services.checkoutPayments.fail(session, { type: 'error', code: 'invalid', content: 'We could not record the order; the payment was refunded. Please try again.' });
  }
  return services.checkoutPayments.complete(session, {
    id: `ord_${number}`, number, charge_id: charge.id, created_at: services.clock.now().toISOString(),
    permalink_url: `${input.baseUrl.replace(/\/$/, '')}/orders/${encodeURIComponent(number)}`,
  });
}

async function writeOrder(services: Services, session: CheckoutSession, number: string, chargeId: string): Promise<void> {
  const email = (session.buyer?.email ?? session.contact?.email)!.toLowerCase();
  const contactName = session.contact?.name ?? session.address?.name ?? '';
  const [first = 'Guest', ...rest] = contactName.split(/\s+/).filter(Boolean);
  // The buyer proved nothing about the email they typed: the order gets a guest record of its own
  // and never joins the account that has this email (whose data the email would otherwise unlock).
  const phone = session.buyer?.phone_number ?? session.contact?.phone_number;
  const customer = await services.orders.addGuestCustomer({
    order_number: number, email, first_name: session.buyer?.first_name ?? first, last_name: session.buyer?.last_name ?? (rest.join(' ') || '-'),
    ...(phone ? { phone } : {}), locale: session.locale?.slice(0, 2) ?? 'en',
  });
  const now = services.clock.now().toISOString();
  const address = session.address;
  const option = session.fulfillment_options.find((candidate) => candidate.id === session.selected_option_id);
  const order: Order = {
    number, customer_id: customer.id, status: 'pending', items_modified: false, currency: session.currency.toUpperCase(), created_at: now, updated_at: now,
    shipping_address: address
      ? { name: address.name, line1: address.line_one, line2: address.line_two ?? '', city: address.city, region: address.state, postal_code: address.postal_code, country: address.country.toUpperCase() }
      : { name: contactName || email, line1: option?.title ?? 'Pickup', line2: '', city: '-', region: '', postal_code: '', country: services.merchant.profile.shipping.zones[0]!.countries[0]!.replace('*', 'US') },
    line_items: session.line_items.map((line) => ({
      id: line.id, sku: line.item.sku, product_id: line.item.product_id, title: line.item.title, variant_title: '', options: {},
      quantity: line.quantity, unit_price: line.item.unit_amount, tags: [],
    })),
    shipping: { method: option?.id ?? 'none', price: session.totals.fulfillment },
    subtotal: session.totals.items_base_amount, discount: session.totals.items_discount, tax: session.totals.tax, total: session.totals.total,
    payments: [{ id: chargeId, kind: 'charge', method_id: `acp:${session.owner}`, amount: session.totals.total, created_at: now }],
    fulfillments: [], cancel_reason: null, request: null,
  };
  await services.orders.upsertOrders([order]);
}

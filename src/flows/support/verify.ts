import { randomBytes } from 'node:crypto';
import type { Customer } from '../../orders/index.ts';
import { ShopkeeperError, stableHash } from '../../platform/index.ts';
import type { Services } from '../services.ts';
import type { Caller } from './caller.ts';

export const TOKEN_TTL_SECONDS = 30 * 60;
const WINDOW_SECONDS = 15 * 60;
/** Failed attempts allowed per identity (email or name) and per client (MCP client, conversation) per 15 minutes. */
export const LIMITS = { identityFailures: 5, clientFailures: 30 };

export type VerifyInput =
  | { email: string; order_number: string }
  | { first_name: string; last_name: string; postal_code: string };

export interface Verified {
  customer_token: string;
  expires_at: string;
  customer: { id: string; first_name: string };
}

// Every mismatch (unknown email, wrong order, someone else's order, wrong postal code) reads the same.
const notFound = () => new ShopkeeperError('not_found', 'No customer matches those details.', {
  fix: 'Check the spelling; use the email and an order number from the confirmation email, or the full name and postal code of the shipping address.',
});

const normalizePostal = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();

async function lookup(services: Services, input: VerifyInput): Promise<Customer | null> {
  if ('email' in input) {
    // The order decides whose record this is: an account's order proves the account, a checkout
    // order proves only its own guest record (which holds that order alone).
    const order = await services.orders.getOrder(input.order_number);
    const customer = order ? await services.orders.getCustomer(order.customer_id) : null;
    return customer && customer.email.toLowerCase() === input.email.trim().toLowerCase() ? customer : null;
  }
  const wanted = normalizePostal(input.postal_code);
  const candidates = await services.orders.findCustomersByName(input.first_name, input.last_name);
  return candidates.find((customer) => customer.addresses.some((address) => normalizePostal(address.postal_code) === wanted)) ?? null;
}

/**
 * Verifies a shopper and issues a short-lived HMAC-signed customer token. Attempts are counted in
 * the database per identity and per client, so guessing is slow on every replica.
 */
export async function verifyCustomer(services: Services, caller: Caller, input: VerifyInput): Promise<Verified> {
  const now = services.clock.now();
  const identity = 'email' in input ? `email:${input.email.trim().toLowerCase()}` : `name:${input.first_name.trim().toLowerCase()} ${input.last_name.trim().toLowerCase()}`;
  const identityBucket = `verify:identity:${stableHash(identity)}`;
  const clientBucket = `verify:client:${stableHash(caller.client ?? `${caller.channel}:${caller.actor.id}`)}`;
  const tooMany = () => new ShopkeeperError('rate_limited', 'Too many verification attempts; try again in 15 minutes.', { fix: 'Wait, or escalate_to_human so a person can verify the shopper.' });
  // Each attempt takes its place in both counts before it is evaluated (one atomic upsert each), so
  // simultaneous guesses cannot all pass a check made before any of them counted. Only failures
  // keep their place: a busy legitimate client (one assistant serving many shoppers) verifies
  // successfully again and again, and a refused attempt evaluates nothing.
  const reserved: string[] = [];
  const release = () => Promise.all(reserved.splice(0).map((bucket) => services.rateLimiter.release(bucket, WINDOW_SECONDS, now)));
  let customer: Customer | null;
  try {
    for (const [bucket, limit] of [[clientBucket, LIMITS.clientFailures], [identityBucket, LIMITS.identityFailures]] as const) {
      const count = await services.rateLimiter.hit(bucket, WINDOW_SECONDS, now);
      reserved.push(bucket);
      if (count > limit) throw tooMany();
    }
    customer = await lookup(services, input);
  } catch (error) {
    await release();
    throw error;
  }
  if (!customer) throw notFound();
  await release();
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expires = issuedAt + TOKEN_TTL_SECONDS;
  const token = services.customerTokens.sign({ sub: customer.id, iat: issuedAt, exp: expires, jti: randomBytes(6).toString('base64url') });
  await services.audit.record({ actor: caller.actor, channel: caller.channel, action: 'customer.verify', subject: { type: 'customer', id: customer.id }, customer_id: customer.id, before: null, after: { method: 'email' in input ? 'email+order' : 'name+postal_code', ...(customer.guest ? { guest: true } : {}), expires_at: new Date(expires * 1000).toISOString() } }, now.toISOString());
  return { customer_token: token, expires_at: new Date(expires * 1000).toISOString(), customer: { id: customer.id, first_name: customer.first_name } };
}

/** The customer id a token was issued for; refuses missing, tampered and expired tokens. */
export function customerFromToken(services: Services, token: string | undefined): string {
  const unauthorized = (why: string) => new ShopkeeperError('unauthorized', `${why}; verify the customer first.`, {
    field: 'customer_token', fix: 'Call verify_customer (email + order number, or full name + postal code) and pass the customer_token it returns.',
  });
  if (!token) throw unauthorized('No customer token');
  const payload = services.customerTokens.verify(token);
  if (!payload || typeof payload.sub !== 'string' || typeof payload.exp !== 'number') throw unauthorized('The customer token is invalid');
  if (payload.exp * 1000 <= services.clock.now().getTime()) throw unauthorized('The customer token has expired');
  return payload.sub;
}

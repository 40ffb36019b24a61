import type { MerchantProfile } from '../config/index.ts';
import { ShopkeeperError, newId, notFound, type Clock } from '../platform/index.ts';
import type { CheckoutCatalogPort } from './ports.ts';
import { MAX_LINE_QUANTITY, limitMessages } from './limits.ts';
import { priceCart } from './pricing.ts';
import { readinessMessages } from './readiness.ts';
import { EDITABLE, TERMINAL } from './state-machine.ts';
import type { CheckoutStore } from './store.ts';
import type { CheckoutSession, ItemFacts, Message, RequestedLine, SessionChanges } from './types.ts';

const SESSION_TTL_MS = 6 * 60 * 60 * 1000;
const LOCK_MS = 10_000;

export interface CreateInput extends SessionChanges {
  lines: RequestedLine[];
  currency?: string;
}

/** Limits for callers nobody vouches for (no API key): they never pay, so their holds are short. */
export interface HoldLimits {
  holdTtlMs: number;
  maxOpenSessions: number;
}

const DEFAULT_LIMITS: HoldLimits = { holdTtlMs: 15 * 60 * 1000, maxOpenSessions: 20 };

/**
 * Checkout sessions, protocol-neutral: pricing, shipping, tax, discounts, readiness, stock holds.
 * Stock is held (taken from the catalog) while a session is ready for payment and given back when
 * it stops being ready, is canceled or expires; completing keeps it taken, as sold.
 */
export class CheckoutService {
  constructor(
    private readonly store: CheckoutStore,
    private readonly catalog: CheckoutCatalogPort,
    private readonly merchant: MerchantProfile,
    private readonly clock: Clock,
    private readonly limits: HoldLimits = DEFAULT_LIMITS,
  ) {}

  get currency(): string {
    return this.merchant.currency.toLowerCase();
  }

  async create(owner: string, input: CreateInput, caller: { anonymous?: boolean } = {}): Promise<CheckoutSession> {
    const now = this.clock.now();
    if (caller.anonymous && (await this.store.openCount(owner, now.toISOString())) >= this.limits.maxOpenSessions) {
      throw new ShopkeeperError('rate_limited', `This caller already has ${this.limits.maxOpenSessions} open checkouts`, {
        field: 'items', fix: 'Complete or cancel an open checkout (cancel_checkout) before starting another.', retryAfter: 60,
      });
    }
    const session: CheckoutSession = {
      id: newId('cs'), owner, status: 'not_ready_for_payment', currency: this.currency, requested: [], line_items: [],
      buyer: null, contact: null, address: null, selected_option_id: null, discount_codes: [], applied_discounts: [], rejected_discounts: [],
      fulfillment_options: [], totals: { items_base_amount: 0, items_discount: 0, subtotal: 0, fulfillment: 0, tax: 0, total: 0 },
      messages: [], order_notes: null, reserved: false, order: null, authentication: null, locale: null, interventions: [],
      created_at: now.toISOString(), updated_at: now.toISOString(), expires_at: new Date(now.getTime() + SESSION_TTL_MS).toISOString(), version: 0,
      hold_ttl_ms: caller.anonymous ? this.limits.holdTtlMs : null, hold_expires_at: null,
    };
    const extra: Message[] = [];
    if (input.currency && input.currency.toLowerCase() !== this.currency) {
      extra.push({ type: 'error', code: 'unsupported', param: '$.currency', content: `This store sells in ${this.currency.toUpperCase()} only; the session uses ${this.currency.toUpperCase()}.` });
    }
    // A new session holds nothing yet.
    const next = await this.recompute(session, { ...input, lines: input.lines }, extra, new Map());
    // The row must exist before stock is held against it; the first save below is its final state.
    await this.store.insert({ ...session, status: 'not_ready_for_payment' });
    const held = await this.hold(next);
    return this.persist(session, held);
  }

  async get(id: string): Promise<CheckoutSession> {
    const session = await this.store.get(id);
    if (!session) throw notFound(`Checkout session ${id} not found`, { field: 'checkout_session_id', fix: 'Create a session first; ids look like cs_….' });
    if (!TERMINAL.has(session.status) && session.status !== 'complete_in_progress' && Date.parse(session.expires_at) < this.clock.now().getTime()) {
      return this.expire(session);
    }
    if (session.status === 'ready_for_payment' && session.hold_expires_at && Date.parse(session.hold_expires_at) < this.clock.now().getTime()) {
      return this.endHold(session);
    }
    return session;
  }

  async update(id: string, changes: SessionChanges): Promise<CheckoutSession> {
    return this.locked(id, async (session) => {
      if (!EDITABLE.has(session.status)) return { ...session, messages: [...session.messages.filter((m) => m.code !== 'conflict'), notEditable(session)] };
      const next = await this.recompute(session, changes, []);
      return this.persist(session, await this.hold(next));
    });
  }

  /** Cancels and gives held stock back; a completed or canceled session cannot be canceled (ACP: 405). */
  async cancel(id: string): Promise<CheckoutSession> {
    return this.locked(id, async (session) => {
      if (!EDITABLE.has(session.status)) {
        throw new ShopkeeperError('policy_violation', `Checkout session ${id} is ${session.status} and cannot be canceled`, { field: 'status', status: session.status, fix: 'Only open sessions can be canceled.' });
      }
      await this.release(session.id);
      return this.persist(session, { ...session, status: 'canceled', reserved: false, hold_expires_at: null, messages: [] });
    });
  }

  /** Gives back the stock of sessions past their expiry; the server calls it now and then. */
  async expireStale(): Promise<number> {
    const ids = await this.store.expiredIds(this.clock.now().toISOString());
    for (const id of ids) await this.get(id).catch(() => undefined);
    return ids.length;
  }

  private async expire(session: CheckoutSession): Promise<CheckoutSession> {
    if (!(await this.store.lock(session.id, this.clock.now().getTime(), LOCK_MS))) return session;
    await this.release(session.id);
    return (await this.store.save(session, { ...session, status: 'expired', reserved: false, updated_at: this.clock.now().toISOString(), messages: [{ type: 'error', code: 'expired', content: 'This checkout session has expired; start a new one.' }] })) ?? session;
  }

  /** An unpaid anonymous session gives its stock back; any update holds it again if it is still there. */
  private async endHold(session: CheckoutSession): Promise<CheckoutSession> {
    if (!(await this.store.lock(session.id, this.clock.now().getTime(), LOCK_MS))) return session;
    await this.release(session.id);
    const minutes = Math.max(1, Math.round((session.hold_ttl_ms ?? 0) / 60_000));
    const message: Message = { type: 'error', code: 'expired', param: '$.line_items', content: `The items were held for ${minutes} minute${minutes === 1 ? '' : 's'} without payment and went back on sale; update the checkout to hold them again.` };
    return (await this.store.save(session, { ...session, status: 'not_ready_for_payment', reserved: false, hold_expires_at: null, updated_at: this.clock.now().toISOString(), messages: [...session.messages, message] })) ?? session;
  }

  /** Runs `work` holding the session's mutex (short waits when another request holds it). */
  private async locked(id: string, work: (session: CheckoutSession) => Promise<CheckoutSession>): Promise<CheckoutSession> {
    const session = await this.get(id);
    if (TERMINAL.has(session.status) && session.status !== 'completed') return work(session);
    for (let attempt = 0; attempt < 200; attempt++) {
      if (await this.store.lock(id, this.clock.now().getTime(), LOCK_MS)) {
        try {
          return await work((await this.store.get(id))!);
        } finally {
          await this.store.unlock(id);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 10));
    }
    throw new ShopkeeperError('conflict', `Checkout session ${id} is busy`, { fix: 'Retry in a second.', retryAfter: 1 });
  }

  private async persist(previous: CheckoutSession, next: CheckoutSession): Promise<CheckoutSession> {
    const saved = await this.store.save(previous, { ...next, updated_at: this.clock.now().toISOString() });
    if (!saved) throw new ShopkeeperError('conflict', `Checkout session ${previous.id} changed while it was being updated`, { fix: 'Retry the request.', retryAfter: 1 });
    return saved;
  }

  /** Applies changes, looks items up, prices the cart and decides whether it could be paid. */
  async recompute(session: CheckoutSession, changes: SessionChanges, extra: Message[], held?: ReadonlyMap<string, number>): Promise<CheckoutSession> {
    const merged: CheckoutSession = {
      ...session,
      requested: changes.lines ?? session.requested,
      buyer: changes.buyer === undefined ? session.buyer : changes.buyer,
      contact: changes.contact === undefined ? session.contact : changes.contact,
      address: changes.address === undefined ? session.address : changes.address,
      selected_option_id: changes.selected_option_id === undefined ? session.selected_option_id : changes.selected_option_id,
      discount_codes: changes.discount_codes ?? session.discount_codes,
      order_notes: changes.order_notes === undefined ? session.order_notes : changes.order_notes,
      locale: changes.locale === undefined ? session.locale : changes.locale,
      interventions: changes.interventions ?? session.interventions,
    };
    const messages: Message[] = [...extra];
    const found: Array<{ item: ItemFacts; quantity: number }> = [];
    // Units this session already holds are available to it.
    const own = held ?? await this.store.reservations(session.id);
    for (const [index, line] of merged.requested.entries()) {
      const looked = await this.catalog.lookup(line.id);
      const item = looked && looked.available !== null ? { ...looked, available: looked.available + (own.get(looked.variant_id) ?? 0) } : looked;
      if (!item) messages.push({ type: 'error', code: 'invalid', param: `$.line_items[${index}]`, content: `Item ${line.id} is not sold here.` });
      else if (!Number.isInteger(line.quantity) || line.quantity < 1) messages.push({ type: 'error', code: 'invalid', param: `$.line_items[${index}].quantity`, content: `Quantity ${line.quantity} is not a whole number of units; ${item.title} sells by the unit.` });
      else if (line.quantity > MAX_LINE_QUANTITY) messages.push({ type: 'error', code: 'invalid', param: `$.line_items[${index}].quantity`, content: `At most ${MAX_LINE_QUANTITY} units of ${item.title} per checkout.` });
      else found.push({ item, quantity: line.quantity });
    }
    const priced = priceCart(this.merchant, { lines: found, address: merged.address, selected_option_id: merged.selected_option_id, codes: merged.discount_codes, now: this.clock.now() });
    return {
      ...merged, line_items: priced.line_items, fulfillment_options: priced.fulfillment_options, selected_option_id: priced.selected_option_id,
      applied_discounts: priced.applied, rejected_discounts: priced.rejected, totals: priced.totals,
      messages: [...messages, ...priced.messages, ...limitMessages(priced.line_items, priced.totals), ...readinessMessages(merged, priced)],
    };
  }

  /**
   * Decides the status and holds stock for a payable cart: lines not in stock make it not ready.
   * Only the difference with what the session already holds is taken or given back, so an update
   * that does not touch the items can never lose the units to another session. The stock changes
   * and the session's reservation rows are one transaction: a crash or an error in between can
   * neither lose units nor leave a reservation for units never taken.
   */
  async hold(next: CheckoutSession): Promise<CheckoutSession> {
    const blocking = next.messages.some((message) => message.type === 'error');
    if (blocking || next.line_items.length === 0) {
      await this.release(next.id);
      return { ...next, status: 'not_ready_for_payment', reserved: false, hold_expires_at: null };
    }
    const wanted = new Map<string, number>();
    for (const line of next.line_items) if (line.item.available !== null) wanted.set(line.item.variant_id, (wanted.get(line.item.variant_id) ?? 0) + line.quantity);
    const short = await this.store.atomically(async (tx) => {
      const held = await this.store.reservations(next.id, tx);
      if (sameHolding(held, wanted)) return null;
      // Variants in one order, so two sessions holding the same pair of items cannot deadlock.
      for (const variant of [...new Set([...wanted.keys(), ...held.keys()])].sort()) {
        const delta = (wanted.get(variant) ?? 0) - (held.get(variant) ?? 0);
        if (delta > 0 && !(await this.catalog.take(variant, delta, tx))) throw new OutOfStock(variant);
        if (delta < 0) await this.catalog.give(variant, -delta, tx);
      }
      await this.store.setReservations(next.id, wanted, tx);
      return null;
    }).catch((error: unknown) => {
      if (error instanceof OutOfStock) return error.variant;
      throw error;
    });
    if (short === null) return { ...next, status: 'ready_for_payment', reserved: true, hold_expires_at: this.holdEnd(next) };
    // Nothing of this attempt was kept; what the session held before is given back too.
    await this.release(next.id);
    const index = next.line_items.findIndex((line) => line.item.variant_id === short);
    const line = next.line_items[index]!;
    return {
      ...next, status: 'not_ready_for_payment', reserved: false, hold_expires_at: null,
      line_items: next.line_items.map((candidate) => candidate.item.variant_id === short ? { ...candidate, availability: 'out_of_stock' } : candidate),
      messages: [...next.messages, { type: 'error', code: 'out_of_stock', param: `$.line_items[${index}]`, content: `${line.item.title} is out of stock in the quantity asked (${line.quantity}).` }],
    };
  }

  /** A hold keeps the end it got when it began: updating a held session does not extend it. */
  private holdEnd(next: CheckoutSession): string | null {
    if (!next.hold_ttl_ms) return null;
    if (next.reserved && next.hold_expires_at) return next.hold_expires_at;
    return new Date(this.clock.now().getTime() + next.hold_ttl_ms).toISOString();
  }

  async release(sessionId: string): Promise<void> {
    if ((await this.store.reservations(sessionId)).size === 0) return;
    await this.store.atomically(async (tx) => {
      const held = await this.store.reservations(sessionId, tx);
      await this.store.setReservations(sessionId, new Map(), tx);
      for (const variant of [...held.keys()].sort()) await this.catalog.give(variant, held.get(variant)!, tx);
    });
  }
}

class OutOfStock extends Error {
  constructor(readonly variant: string) {
    super(`not enough stock of ${variant}`);
  }
}

function sameHolding(left: ReadonlyMap<string, number>, right: ReadonlyMap<string, number>): boolean {
  return left.size === right.size && [...left].every(([variant, quantity]) => right.get(variant) === quantity);
}

function notEditable(session: CheckoutSession): Message {
  return { type: 'error', code: 'conflict', content: `This checkout session is ${session.status.replace(/_/g, ' ')} and can no longer be changed.` };
}

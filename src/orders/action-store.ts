import { conflict, notFound, recordAudit, ShopkeeperError, stableHash, type AuditActor, type SqliteDb } from '../platform/index.ts';
import type { ActionPlan, OrderChange } from './actions/types.ts';
import type { SqliteOrdersRepository } from './sqlite-repository.ts';
import type { Address, Customer, Order } from './types.ts';

export interface ActionRequest<R> {
  idempotencyKey: string;
  /** Hash of the action and its arguments: a key reused for different arguments is refused. */
  requestHash: string;
  orderNumber: string;
  customerId: string;
  actor: AuditActor;
  channel: string;
  now: Date;
  /** Plans against the order as it is inside the transaction; throws to refuse. */
  plan(order: Order, customer: Customer): ActionPlan;
  /** What to store and return for this key. */
  result(plan: ActionPlan, after: Order): R;
}

export interface Settlement {
  entry_id: string; order_number: string; kind: 'charge' | 'refund'; method_id: string; amount: number;
  refund_of: string | null; status: 'pending' | 'succeeded' | 'failed'; attempts: number;
}

/** Snapshot of what an action can change, for the audit log's before/after. */
function auditView(order: Order) {
  return {
    status: order.status, items_modified: order.items_modified, cancel_reason: order.cancel_reason, shipping_address: order.shipping_address,
    line_items: order.line_items.map(({ id, sku, quantity, unit_price }) => ({ id, sku, quantity, unit_price })),
    payments: order.payments.length, total: order.total, request: order.request,
  };
}

/**
 * Applies post-sale actions atomically. Everything happens in one IMMEDIATE transaction: the
 * idempotency check, planning on fresh state, the order update, appended payment entries,
 * conditional balance updates, the audit row and the idempotency record. Concurrent requests are
 * serialised by SQLite's write lock (across processes too), so exactly one of them sees a
 * cancellable order.
 */
export class SqliteOrderActions {
  constructor(private readonly db: SqliteDb, private readonly orders: SqliteOrdersRepository) {}

  /**
   * How many actions were applied to an order (or a customer's default address). Derived
   * idempotency keys include it, so repeating a request after something else changed is a new
   * request, while a retry of the last one is recognised.
   */
  async actionCount(scope: { orderNumber: string } | { customerId: string; action: string }): Promise<number> {
    const row = 'orderNumber' in scope
      ? this.db.prepare('SELECT COUNT(*) AS count FROM order_actions WHERE order_number = ?').get(scope.orderNumber.trim().toUpperCase())
      : this.db.prepare('SELECT COUNT(*) AS count FROM order_actions WHERE customer_id = ? AND action = ?').get(scope.customerId, scope.action);
    return (row as { count: number }).count;
  }

  /** The stored result of an idempotency key, or null; a key reused for other arguments is a conflict. */
  async previous<R>(idempotencyKey: string, requestHash: string): Promise<R | null> {
    return this.previousSync<R>(idempotencyKey, requestHash);
  }

  async apply<R>(request: ActionRequest<R>): Promise<{ replayed: boolean; result: R }> {
    return this.db.transaction(() => {
      const earlier = this.previousSync<R>(request.idempotencyKey, request.requestHash);
      if (earlier) return { replayed: true, result: earlier };
      const order = this.orders.loadOrderSync(request.orderNumber);
      // Another customer's order answers exactly like a missing one.
      if (!order || order.customer_id !== request.customerId) throw notFound(`Order ${request.orderNumber} was not found for this customer.`, { field: 'order_number', fix: 'Use an order number from list_orders.' });
      const customer = this.orders.loadCustomerSync(request.customerId)!;
      const plan = request.plan(order, customer);
      if (plan.hold) throw conflict('This action needs a support agent\'s approval now; preview it again', { field: 'confirm', fix: 'Preview again and confirm; it will be held for approval.' });
      const at = request.now.toISOString();
      this.write(order, plan.change, request.idempotencyKey, at);
      const after = this.orders.loadOrderSync(order.number)!;
      recordAudit(this.db, {
        actor: request.actor, channel: request.channel, action: `order.${plan.action}`, subject: { type: 'order', id: order.number },
        customer_id: order.customer_id, before: auditView(order), after: { ...auditView(after), balances: plan.change.balances }, correlation_id: request.idempotencyKey,
      }, at);
      const result = request.result(plan, after);
      this.db.prepare('INSERT INTO order_actions (idempotency_key, order_number, customer_id, action, request_hash, result, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(request.idempotencyKey, order.number, order.customer_id, plan.action, request.requestHash, JSON.stringify(result), at);
      return { replayed: false, result };
    }).immediate();
  }

  private previousSync<R>(key: string, requestHash: string): R | null {
    const row = this.db.prepare('SELECT request_hash, result FROM order_actions WHERE idempotency_key = ?').get(key) as { request_hash: string; result: string } | undefined;
    if (!row) return null;
    if (row.request_hash !== requestHash) throw conflict(`Idempotency key ${key} was already used for a different request.`, { field: 'idempotency_key', fix: 'Use a new idempotency key for a new request.' });
    return JSON.parse(row.result) as R;
  }

  private write(order: Order, change: OrderChange, key: string, at: string): void {
    this.db.prepare(`UPDATE orders SET status = coalesce(@status, status), items_modified = coalesce(@items_modified, items_modified),
      cancel_reason = coalesce(@cancel_reason, cancel_reason), shipping_address = coalesce(@shipping_address, shipping_address),
      request = coalesce(@request, request), subtotal = coalesce(@subtotal, subtotal), total = coalesce(@total, total), updated_at = @at
      WHERE number = @number`).run({
      number: order.number, at, status: change.status ?? null, items_modified: change.items_modified ? 1 : null, cancel_reason: change.cancel_reason ?? null,
      shipping_address: change.shipping_address ? JSON.stringify(change.shipping_address) : null, request: change.request ? JSON.stringify(change.request) : null,
      subtotal: change.subtotal ?? null, total: change.total ?? null,
    });
    if (change.line_items) {
      this.db.prepare('DELETE FROM order_line_items WHERE order_number = ?').run(order.number);
      const insert = this.db.prepare(`INSERT INTO order_line_items (order_number, id, position, sku, product_id, title, variant_title, options, quantity, unit_price, tags)
        VALUES (@order_number, @id, @position, @sku, @product_id, @title, @variant_title, @options, @quantity, @unit_price, @tags)`);
      change.line_items.forEach((line, position) => insert.run({ ...line, order_number: order.number, position, options: JSON.stringify(line.options), tags: JSON.stringify(line.tags) }));
    }
    const methods = new Map((this.db.prepare('SELECT id, type FROM payment_methods WHERE customer_id = ?').all(order.customer_id) as { id: string; type: string }[]).map((row) => [row.id, row.type]));
    const insertPayment = this.db.prepare('INSERT INTO order_payments (id, order_number, position, kind, method_id, amount, created_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const insertSettlement = this.db.prepare(`INSERT INTO payment_settlements (entry_id, order_number, kind, method_id, amount, refund_of, status, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)`);
    const keyHash = stableHash(key).slice(0, 16);
    change.payments.forEach((entry, index) => {
      // Deterministic ids: the provider's idempotency key derives from them.
      const id = `pay_${keyHash}_${index}`;
      insertPayment.run(id, order.number, order.payments.length + index, entry.kind, entry.method_id, entry.amount, at, entry.note);
      const type = methods.get(entry.method_id);
      if (entry.amount > 0 && (type === 'card' || type === 'paypal')) insertSettlement.run(id, order.number, entry.kind, entry.method_id, entry.amount, entry.refund_of ?? null, at);
    });
    const adjust = this.db.prepare('UPDATE payment_methods SET balance = coalesce(balance, 0) + @delta WHERE id = @id AND customer_id = @customer AND coalesce(balance, 0) + @delta >= 0');
    for (const { method_id, delta } of change.balances) {
      if (adjust.run({ id: method_id, customer: order.customer_id, delta }).changes !== 1) {
        throw new ShopkeeperError('policy_violation', `The balance of ${method_id} does not cover ${-delta}.`, { rule: 'payments.balance_covers_amount', article: 'gift-cards-and-store-credit', field: 'payment_method_id', fix: 'Choose another payment method.' });
      }
    }
  }

  /** Replaces the customer's default address (existing orders keep theirs). */
  async updateDefaultAddress(input: { customerId: string; address: Omit<Address, 'id' | 'default'>; actor: AuditActor; channel: string; now: Date; idempotencyKey: string }): Promise<Address[]> {
    const requestHash = stableHash({ action: 'update_default_address', address: input.address });
    return this.db.transaction(() => {
      const earlier = this.previousSync<Address[]>(input.idempotencyKey, requestHash);
      if (earlier) return earlier;
      const row = this.db.prepare('SELECT addresses FROM customers WHERE id = ?').get(input.customerId) as { addresses: string } | undefined;
      if (!row) throw notFound('Customer not found.', { field: 'customer_token' });
      const before = JSON.parse(row.addresses) as Address[];
      const index = Math.max(0, before.findIndex((address) => address.default));
      const current = before[index];
      const replaced: Address = { ...(current?.id ? { id: current.id } : {}), ...input.address, default: true };
      const after = before.length === 0 ? [replaced] : before.map((address, position) => (position === index ? replaced : address));
      const at = input.now.toISOString();
      this.db.prepare('UPDATE customers SET addresses = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(after), at, input.customerId);
      this.db.prepare('INSERT INTO order_actions (idempotency_key, order_number, customer_id, action, request_hash, result, created_at) VALUES (?, NULL, ?, ?, ?, ?, ?)')
        .run(input.idempotencyKey, input.customerId, 'update_default_address', requestHash, JSON.stringify(after), at);
      recordAudit(this.db, { actor: input.actor, channel: input.channel, action: 'customer.update_default_address', subject: { type: 'customer', id: input.customerId }, customer_id: input.customerId, before: current ?? null, after: replaced, correlation_id: input.idempotencyKey }, at);
      return after;
    }).immediate();
  }

  async pendingSettlements(orderNumber?: string): Promise<Settlement[]> {
    return this.db.prepare(`SELECT * FROM payment_settlements WHERE status = 'pending' AND (@order IS NULL OR order_number = @order) ORDER BY updated_at, entry_id`)
      .all({ order: orderNumber ?? null }) as Settlement[];
  }

  /** Records the provider's answer; only a pending settlement changes, so concurrent settlers agree. */
  async recordSettlement(entryId: string, outcome: { status: 'succeeded' | 'failed' | 'pending'; provider: string; provider_ref?: string; message?: string }, now: Date): Promise<void> {
    this.db.transaction(() => {
      const changed = this.db.prepare(`UPDATE payment_settlements SET status = @status, attempts = attempts + 1, provider = @provider, provider_ref = @ref, message = @message, updated_at = @at
        WHERE entry_id = @id AND status = 'pending'`).run({ id: entryId, status: outcome.status, provider: outcome.provider, ref: outcome.provider_ref ?? null, message: outcome.message ?? null, at: now.toISOString() });
      if (changed.changes === 1 && outcome.status !== 'pending') {
        const row = this.db.prepare('SELECT order_number, kind, amount FROM payment_settlements WHERE entry_id = ?').get(entryId) as { order_number: string; kind: string; amount: number };
        recordAudit(this.db, { actor: { kind: 'system', id: 'settlement' }, channel: 'system', action: `payment.${row.kind}.${outcome.status}`, subject: { type: 'order', id: row.order_number },
          before: { entry_id: entryId, status: 'pending' }, after: { entry_id: entryId, status: outcome.status, amount: row.amount, provider: outcome.provider, ...(outcome.message ? { message: outcome.message } : {}) } }, now.toISOString());
      }
    }).immediate();
  }

  async settlements(orderNumber: string): Promise<Settlement[]> {
    return this.db.prepare('SELECT * FROM payment_settlements WHERE order_number = ? ORDER BY entry_id').all(orderNumber) as Settlement[];
  }

  /** The provider reference of a charge entry that we executed ourselves (imported charges have none). */
  async providerRef(entryId: string): Promise<string | null> {
    return (this.db.prepare('SELECT provider_ref FROM payment_settlements WHERE entry_id = ?').get(entryId) as { provider_ref: string | null } | undefined)?.provider_ref ?? null;
  }
}

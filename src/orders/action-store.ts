import { conflict, finalWrite, notFound, recordAudit, ShopkeeperError, stableHash, type AuditActor, type SqlDb, type SqlExecutor } from '../platform/index.ts';
import { isCheckoutMethod } from './actions/rules.ts';
import type { ActionPlan, OrderChange } from './actions/types.ts';
import { INSERT_LINE, lineParams, type SqlOrdersRepository } from './sql-repository.ts';
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
 * Applies post-sale actions atomically. Everything happens in one transaction: the order row is
 * locked first (SQLite: the IMMEDIATE write lock; PostgreSQL: FOR UPDATE), then the idempotency
 * check, planning on fresh state, the order update, appended payment entries, conditional balance
 * updates, the audit row and the idempotency record. Concurrent requests, across processes too,
 * therefore run one after the other, so exactly one of them sees a cancellable order.
 */
export class SqlOrderActions {
  constructor(private readonly sql: SqlDb, private readonly orders: SqlOrdersRepository) {}

  /**
   * How many actions were applied to an order (or a customer's default address). Derived
   * idempotency keys include it, so repeating a request after something else changed is a new
   * request, while a retry of the last one is recognised.
   */
  async actionCount(scope: { orderNumber: string } | { customerId: string; action: string }): Promise<number> {
    const row = 'orderNumber' in scope
      ? await this.sql.get<{ count: number }>('SELECT COUNT(*) AS count FROM order_actions WHERE order_number = ?', [scope.orderNumber.trim().toUpperCase()])
      : await this.sql.get<{ count: number }>('SELECT COUNT(*) AS count FROM order_actions WHERE customer_id = ? AND action = ?', [scope.customerId, scope.action]);
    return Number(row!.count);
  }

  /** The stored result of an idempotency key, or null; a key reused for other arguments is a conflict. */
  async previous<R>(idempotencyKey: string, requestHash: string): Promise<R | null> {
    return this.previousIn<R>(this.sql, idempotencyKey, requestHash);
  }

  async apply<R>(request: ActionRequest<R>): Promise<{ replayed: boolean; result: R }> {
    // finalWrite: a caller's participant (an approval's decision) commits in this transaction.
    return finalWrite(this.sql, async (tx) => {
      // The lock comes before the idempotency check: a concurrent twin with the same key waits
      // here, then finds the first one's record instead of applying again.
      const order = await this.orders.loadOrderIn(tx, request.orderNumber, true);
      // Another customer's order answers exactly like a missing one, before any stored result is read.
      if (!order || order.customer_id !== request.customerId) throw notFound(`Order ${request.orderNumber} was not found for this customer.`, { field: 'order_number', fix: 'Use an order number from list_orders.' });
      const earlier = await this.previousIn<R>(tx, request.idempotencyKey, request.requestHash);
      if (earlier) return { replayed: true, result: earlier };
      const customer = (await this.orders.loadCustomerIn(tx, request.customerId))!;
      const plan = request.plan(order, customer);
      if (plan.hold) throw conflict('This action needs a support agent\'s approval now; preview it again', { field: 'confirm', fix: 'Preview again and confirm; it will be held for approval.' });
      const at = request.now.toISOString();
      await this.write(tx, order, plan.change, request.idempotencyKey, at);
      const after = (await this.orders.loadOrderIn(tx, order.number))!;
      await recordAudit(tx, {
        actor: request.actor, channel: request.channel, action: `order.${plan.action}`, subject: { type: 'order', id: order.number },
        customer_id: order.customer_id, before: auditView(order), after: { ...auditView(after), balances: plan.change.balances }, correlation_id: request.idempotencyKey,
      }, at);
      const result = request.result(plan, after);
      await tx.run('INSERT INTO order_actions (idempotency_key, order_number, customer_id, action, request_hash, result, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [request.idempotencyKey, order.number, order.customer_id, plan.action, request.requestHash, JSON.stringify(result), at]);
      return { replayed: false, result };
    });
  }

  private async previousIn<R>(ex: SqlExecutor, key: string, requestHash: string): Promise<R | null> {
    const row = await ex.get<{ request_hash: string; result: string }>('SELECT request_hash, result FROM order_actions WHERE idempotency_key = ?', [key]);
    if (!row) return null;
    if (row.request_hash !== requestHash) throw conflict(`Idempotency key ${key} was already used for a different request.`, { field: 'idempotency_key', fix: 'Use a new idempotency key for a new request.' });
    return JSON.parse(row.result) as R;
  }

  private async write(tx: SqlExecutor, order: Order, change: OrderChange, key: string, at: string): Promise<void> {
    await tx.run(`UPDATE orders SET status = coalesce(?, status), items_modified = coalesce(?, items_modified),
      cancel_reason = coalesce(?, cancel_reason), shipping_address = coalesce(?, shipping_address),
      request = coalesce(?, request), subtotal = coalesce(?, subtotal), total = coalesce(?, total), updated_at = ?
      WHERE number = ?`, [
      change.status ?? null, change.items_modified ? 1 : null, change.cancel_reason ?? null,
      change.shipping_address ? JSON.stringify(change.shipping_address) : null, change.request ? JSON.stringify(change.request) : null,
      change.subtotal ?? null, change.total ?? null, at, order.number,
    ]);
    if (change.line_items) {
      await tx.run('DELETE FROM order_line_items WHERE order_number = ?', [order.number]);
      for (const [position, line] of change.line_items.entries()) await tx.run(INSERT_LINE, lineParams(order.number, line, position));
    }
    const methods = new Map((await tx.all<{ id: string; type: string }>('SELECT id, type FROM payment_methods WHERE customer_id = ?', [order.customer_id])).map((row) => [row.id, row.type]));
    const keyHash = stableHash(key).slice(0, 16);
    for (const [index, entry] of change.payments.entries()) {
      // Deterministic ids: the provider's idempotency key derives from them.
      const id = `pay_${keyHash}_${index}`;
      await tx.run('INSERT INTO order_payments (id, order_number, position, kind, method_id, amount, created_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [id, order.number, order.payments.length + index, entry.kind, entry.method_id, entry.amount, at, entry.note]);
      const type = methods.get(entry.method_id);
      // A checkout's charge has no saved method but was taken by the provider, so it is settled there too.
      const viaProvider = type === 'card' || type === 'paypal' || (type === undefined && isCheckoutMethod(entry.method_id));
      if (entry.amount > 0 && viaProvider) {
        await tx.run(`INSERT INTO payment_settlements (entry_id, order_number, kind, method_id, amount, refund_of, status, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)`, [id, order.number, entry.kind, entry.method_id, entry.amount, entry.refund_of ?? null, at]);
      }
    }
    // Sorted, so two actions of one customer lock payment methods in the same order (no PostgreSQL deadlock).
    for (const { method_id, delta } of [...change.balances].sort((x, y) => x.method_id.localeCompare(y.method_id))) {
      // Conditional: the balance never goes negative, even if another order of the same customer spent it meanwhile.
      const changed = await tx.run('UPDATE payment_methods SET balance = coalesce(balance, 0) + ? WHERE id = ? AND customer_id = ? AND coalesce(balance, 0) + ? >= 0',
        [delta, method_id, order.customer_id, delta]);
      if (changed !== 1) {
        throw new ShopkeeperError('policy_violation', `The balance of ${method_id} does not cover ${-delta}.`, { rule: 'payments.balance_covers_amount', article: 'gift-cards-and-store-credit', field: 'payment_method_id', fix: 'Choose another payment method.' });
      }
    }
  }

  /** Replaces the customer's default address (existing orders keep theirs). */
  async updateDefaultAddress(input: { customerId: string; address: Omit<Address, 'id' | 'default'>; actor: AuditActor; channel: string; now: Date; idempotencyKey: string }): Promise<Address[]> {
    const requestHash = stableHash({ action: 'update_default_address', address: input.address });
    return this.sql.transaction(async (tx) => {
      const row = await tx.get<{ addresses: string }>(`SELECT addresses FROM customers WHERE id = ?${tx.forUpdate}`, [input.customerId]);
      const earlier = await this.previousIn<Address[]>(tx, input.idempotencyKey, requestHash);
      if (earlier) return earlier;
      if (!row) throw notFound('Customer not found.', { field: 'customer_token' });
      const before = JSON.parse(row.addresses) as Address[];
      const index = Math.max(0, before.findIndex((address) => address.default));
      const current = before[index];
      const replaced: Address = { ...(current?.id ? { id: current.id } : {}), ...input.address, default: true };
      const after = before.length === 0 ? [replaced] : before.map((address, position) => (position === index ? replaced : address));
      const at = input.now.toISOString();
      await tx.run('UPDATE customers SET addresses = ?, updated_at = ? WHERE id = ?', [JSON.stringify(after), at, input.customerId]);
      await tx.run('INSERT INTO order_actions (idempotency_key, order_number, customer_id, action, request_hash, result, created_at) VALUES (?, NULL, ?, ?, ?, ?, ?)',
        [input.idempotencyKey, input.customerId, 'update_default_address', requestHash, JSON.stringify(after), at]);
      await recordAudit(tx, { actor: input.actor, channel: input.channel, action: 'customer.update_default_address', subject: { type: 'customer', id: input.customerId }, customer_id: input.customerId, before: current ?? null, after: replaced, correlation_id: input.idempotencyKey }, at);
      return after;
    });
  }

  async pendingSettlements(orderNumber?: string): Promise<Settlement[]> {
    return orderNumber === undefined
      ? this.sql.all<Settlement>("SELECT * FROM payment_settlements WHERE status = 'pending' ORDER BY updated_at, entry_id")
      : this.sql.all<Settlement>("SELECT * FROM payment_settlements WHERE status = 'pending' AND order_number = ? ORDER BY updated_at, entry_id", [orderNumber]);
  }

  /** Records the provider's answer; only a pending settlement changes, so concurrent settlers agree. */
  async recordSettlement(entryId: string, outcome: { status: 'succeeded' | 'failed' | 'pending'; provider: string; provider_ref?: string; message?: string }, now: Date): Promise<void> {
    await this.sql.transaction(async (tx) => {
      const changed = await tx.run(`UPDATE payment_settlements SET status = ?, attempts = attempts + 1, provider = ?, provider_ref = ?, message = ?, updated_at = ?
        WHERE entry_id = ? AND status = 'pending'`, [outcome.status, outcome.provider, outcome.provider_ref ?? null, outcome.message ?? null, now.toISOString(), entryId]);
      if (changed === 1 && outcome.status !== 'pending') {
        const row = (await tx.get<{ order_number: string; kind: string; amount: number }>('SELECT order_number, kind, amount FROM payment_settlements WHERE entry_id = ?', [entryId]))!;
        await recordAudit(tx, { actor: { kind: 'system', id: 'settlement' }, channel: 'system', action: `payment.${row.kind}.${outcome.status}`, subject: { type: 'order', id: row.order_number },
          before: { entry_id: entryId, status: 'pending' }, after: { entry_id: entryId, status: outcome.status, amount: row.amount, provider: outcome.provider, ...(outcome.message ? { message: outcome.message } : {}) } }, now.toISOString());
      }
    });
  }

  async settlements(orderNumber: string): Promise<Settlement[]> {
    return this.sql.all<Settlement>('SELECT * FROM payment_settlements WHERE order_number = ? ORDER BY entry_id', [orderNumber]);
  }

  /** The provider reference of a charge entry that we executed ourselves (imported charges have none). */
  async providerRef(entryId: string): Promise<string | null> {
    return (await this.sql.get<{ provider_ref: string | null }>('SELECT provider_ref FROM payment_settlements WHERE entry_id = ?', [entryId]))?.provider_ref ?? null;
  }
}

import { stableHash as hash, type SqliteDb } from '../platform/index.ts';
import type { OrdersRepository, WriteCounts } from './repository.ts';
import type { Customer, CustomerInput, Fulfillment, LineItem, Order, OrderStatus, PaymentEntry, PaymentMethod, ReturnRequest } from './types.ts';

interface CustomerRow { id: string; email: string; first_name: string; last_name: string; phone: string | null; locale: string; addresses: string; created_at: string }
interface MethodRow { id: string; customer_id: string; position: number; type: PaymentMethod['type']; brand: string | null; last4: string | null; exp_month: number | null; exp_year: number | null; email: string | null; balance: number | null }
interface OrderRow {
  number: string; customer_id: string; status: OrderStatus; items_modified: number; currency: string; created_at: string; updated_at: string;
  shipping_address: string; shipping: string; subtotal: number; discount: number; tax: number; total: number; cancel_reason: string | null;
  request: string | null;
}
interface LineRow { id: string; sku: string; product_id: string | null; title: string; variant_title: string; options: string; quantity: number; unit_price: number; tags: string }
interface PaymentRow { id: string; order_number: string; position: number; kind: PaymentEntry['kind']; method_id: string; amount: number; created_at: string; note: string | null }

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== null && item !== undefined)) as T;
}

export class SqliteOrdersRepository implements OrdersRepository {
  constructor(private readonly db: SqliteDb) {}

  async upsertCustomers(customers: readonly CustomerInput[]): Promise<WriteCounts> {
    const counts: WriteCounts = { created: 0, updated: 0, unchanged: 0 };
    const existing = this.db.prepare('SELECT source_hash FROM customers WHERE id = ?');
    const upsert = this.db.prepare(`
      INSERT INTO customers (id, email, first_name, last_name, phone, locale, addresses, source_hash, created_at, updated_at)
      VALUES (@id, @email, @first_name, @last_name, @phone, @locale, @addresses, @source_hash, @created_at, @updated_at)
      ON CONFLICT (id) DO UPDATE SET email = excluded.email, first_name = excluded.first_name, last_name = excluded.last_name,
        phone = excluded.phone, locale = excluded.locale, addresses = excluded.addresses, source_hash = excluded.source_hash,
        updated_at = excluded.updated_at`);
    const removeMethods = this.db.prepare('DELETE FROM payment_methods WHERE customer_id = ?');
    const insertMethod = this.db.prepare(`
      INSERT INTO payment_methods (id, customer_id, position, type, brand, last4, exp_month, exp_year, email, balance)
      VALUES (@id, @customer_id, @position, @type, @brand, @last4, @exp_month, @exp_year, @email, @balance)
      ON CONFLICT (id) DO UPDATE SET customer_id = excluded.customer_id, position = excluded.position, type = excluded.type,
        brand = excluded.brand, last4 = excluded.last4, exp_month = excluded.exp_month, exp_year = excluded.exp_year,
        email = excluded.email, balance = excluded.balance`);
    const now = new Date().toISOString();
    this.db.transaction(() => {
      for (const customer of customers) {
        // Comparing with the last imported source (not the live row) keeps re-imports from undoing
        // balances and addresses that support actions changed since.
        const sourceHash = hash(customer);
        const before = existing.get(customer.id) as { source_hash: string } | undefined;
        if (before?.source_hash === sourceHash) {
          counts.unchanged++;
          continue;
        }
        upsert.run({
          ...customer, email: customer.email.toLowerCase(), created_at: customer.created_at ?? now, phone: customer.phone ?? null,
          addresses: JSON.stringify(customer.addresses), source_hash: sourceHash, updated_at: now,
        });
        removeMethods.run(customer.id);
        customer.payment_methods.forEach((method, position) => insertMethod.run({
          brand: null, last4: null, exp_month: null, exp_year: null, email: null, balance: null,
          ...method, customer_id: customer.id, position,
        }));
        if (before) counts.updated++;
        else counts.created++;
      }
    })();
    return counts;
  }

  async upsertOrders(orders: readonly Order[]): Promise<WriteCounts> {
    const counts: WriteCounts = { created: 0, updated: 0, unchanged: 0 };
    const existing = this.db.prepare('SELECT source_hash FROM orders WHERE number = ?');
    const upsert = this.db.prepare(`
      INSERT INTO orders (number, customer_id, status, items_modified, currency, created_at, updated_at, shipping_address, shipping, subtotal, discount, tax, total, cancel_reason, source_hash)
      VALUES (@number, @customer_id, @status, @items_modified, @currency, @created_at, @updated_at, @shipping_address, @shipping, @subtotal, @discount, @tax, @total, @cancel_reason, @source_hash)
      ON CONFLICT (number) DO UPDATE SET customer_id = excluded.customer_id, status = excluded.status, items_modified = excluded.items_modified,
        currency = excluded.currency, created_at = excluded.created_at, updated_at = excluded.updated_at, shipping_address = excluded.shipping_address,
        shipping = excluded.shipping, subtotal = excluded.subtotal, discount = excluded.discount, tax = excluded.tax, total = excluded.total,
        cancel_reason = excluded.cancel_reason, source_hash = excluded.source_hash`);
    const clear = ['order_line_items', 'order_payments', 'fulfillments'].map((table) => this.db.prepare(`DELETE FROM ${table} WHERE order_number = ?`));
    const insertLine = this.db.prepare(`INSERT INTO order_line_items (order_number, id, position, sku, product_id, title, variant_title, options, quantity, unit_price, tags)
      VALUES (@order_number, @id, @position, @sku, @product_id, @title, @variant_title, @options, @quantity, @unit_price, @tags)`);
    const insertPayment = this.db.prepare(`INSERT INTO order_payments (id, order_number, position, kind, method_id, amount, created_at, note)
      VALUES (@id, @order_number, @position, @kind, @method_id, @amount, @created_at, @note)`);
    const insertFulfillment = this.db.prepare('INSERT INTO fulfillments (id, order_number, position, data) VALUES (?, ?, ?, ?)');
    this.db.transaction(() => {
      for (const order of orders) {
        const sourceHash = hash(order);
        const current = existing.get(order.number) as { source_hash: string | null } | undefined;
        if (current?.source_hash === sourceHash) {
          counts.unchanged++;
          continue;
        }
        upsert.run({
          ...order, source_hash: sourceHash, items_modified: order.items_modified ? 1 : 0, shipping_address: JSON.stringify(order.shipping_address),
          shipping: JSON.stringify(order.shipping),
        });
        for (const statement of clear) statement.run(order.number);
        order.line_items.forEach((line, position) => insertLine.run({
          ...line, order_number: order.number, position, options: JSON.stringify(line.options), tags: JSON.stringify(line.tags),
        }));
        order.payments.forEach((payment, position) => insertPayment.run({ note: null, ...payment, order_number: order.number, position }));
        order.fulfillments.forEach((fulfillment, position) => insertFulfillment.run(fulfillment.id, order.number, position, JSON.stringify(fulfillment)));
        if (current) counts.updated++;
        else counts.created++;
      }
    })();
    return counts;
  }

  private hydrateCustomer(row: CustomerRow): Customer {
    const methods = this.db.prepare('SELECT * FROM payment_methods WHERE customer_id = ? ORDER BY position').all(row.id) as MethodRow[];
    return {
      id: row.id, email: row.email, first_name: row.first_name, last_name: row.last_name, ...(row.phone ? { phone: row.phone } : {}),
      locale: row.locale, created_at: row.created_at, addresses: JSON.parse(row.addresses),
      payment_methods: methods.map(({ customer_id: _customer, position: _position, ...method }) => compact(method) as PaymentMethod),
    };
  }

  /** Synchronous reads for use inside a caller's transaction (see action-store.ts). */
  loadOrderSync(number: string): Order | null {
    return this.loadOrder(number.trim().toUpperCase());
  }

  loadCustomerSync(id: string): Customer | null {
    const row = this.db.prepare('SELECT * FROM customers WHERE id = ?').get(id) as CustomerRow | undefined;
    return row ? this.hydrateCustomer(row) : null;
  }

  private loadOrder(number: string): Order | null {
    const row = this.db.prepare('SELECT * FROM orders WHERE number = ?').get(number) as OrderRow | undefined;
    if (!row) return null;
    const lines = this.db.prepare('SELECT * FROM order_line_items WHERE order_number = ? ORDER BY position').all(number) as LineRow[];
    const payments = this.db.prepare('SELECT * FROM order_payments WHERE order_number = ? ORDER BY position').all(number) as PaymentRow[];
    const fulfillments = this.db.prepare('SELECT data FROM fulfillments WHERE order_number = ? ORDER BY position').all(number) as { data: string }[];
    return {
      number: row.number, customer_id: row.customer_id, status: row.status, items_modified: row.items_modified === 1,
      currency: row.currency, created_at: row.created_at, updated_at: row.updated_at,
      shipping_address: JSON.parse(row.shipping_address), shipping: JSON.parse(row.shipping),
      subtotal: row.subtotal, discount: row.discount, tax: row.tax, total: row.total, cancel_reason: row.cancel_reason,
      request: row.request ? JSON.parse(row.request) as ReturnRequest : null,
      line_items: lines.map((line): LineItem => ({
        id: line.id, sku: line.sku, product_id: line.product_id, title: line.title, variant_title: line.variant_title,
        options: JSON.parse(line.options), quantity: line.quantity, unit_price: line.unit_price, tags: JSON.parse(line.tags),
      })),
      payments: payments.map(({ order_number: _order, position: _position, ...payment }) => compact(payment) as PaymentEntry),
      fulfillments: fulfillments.map((fulfillment) => JSON.parse(fulfillment.data) as Fulfillment),
    };
  }

  async getCustomer(id: string): Promise<Customer | null> {
    const row = this.db.prepare('SELECT * FROM customers WHERE id = ?').get(id) as CustomerRow | undefined;
    return row ? this.hydrateCustomer(row) : null;
  }

  async findCustomerByEmail(email: string): Promise<Customer | null> {
    const row = this.db.prepare('SELECT * FROM customers WHERE email = ?').get(email.trim().toLowerCase()) as CustomerRow | undefined;
    return row ? this.hydrateCustomer(row) : null;
  }

  async findCustomersByName(firstName: string, lastName: string): Promise<Customer[]> {
    const rows = this.db.prepare('SELECT * FROM customers WHERE first_name = ? COLLATE NOCASE AND last_name = ? COLLATE NOCASE')
      .all(firstName.trim(), lastName.trim()) as CustomerRow[];
    return rows.map((row) => this.hydrateCustomer(row));
  }

  async getOrder(number: string): Promise<Order | null> {
    return this.loadOrder(number.trim().toUpperCase());
  }

  async listOrders(customerId: string): Promise<Order[]> {
    const numbers = this.db.prepare('SELECT number FROM orders WHERE customer_id = ? ORDER BY created_at DESC').all(customerId) as { number: string }[];
    return numbers.map(({ number }) => this.loadOrder(number)!);
  }

  async existingCustomerIds(ids: readonly string[]): Promise<Set<string>> {
    const rows = this.db.prepare('SELECT id FROM customers WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as { id: string }[];
    return new Set(rows.map((row) => row.id));
  }

  async counts(): Promise<{ customers: number; orders: number; by_status: Partial<Record<OrderStatus, number>> }> {
    const { customers, orders } = this.db.prepare('SELECT (SELECT COUNT(*) FROM customers) AS customers, (SELECT COUNT(*) FROM orders) AS orders').get() as { customers: number; orders: number };
    const rows = this.db.prepare('SELECT status, COUNT(*) AS count FROM orders GROUP BY status').all() as { status: OrderStatus; count: number }[];
    return { customers, orders, by_status: Object.fromEntries(rows.map((row) => [row.status, row.count])) };
  }
}

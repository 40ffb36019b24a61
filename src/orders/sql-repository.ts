import { stableHash as hash, type SqlDb, type SqlExecutor } from '../platform/index.ts';
import { guestCustomerId, type GuestBuyer, type OrdersRepository, type WriteCounts } from './repository.ts';
import type { Customer, CustomerInput, Fulfillment, LineItem, Order, OrderStatus, PaymentEntry, PaymentMethod, ReturnRequest } from './types.ts';

interface CustomerRow { id: string; email: string; first_name: string; last_name: string; phone: string | null; locale: string; addresses: string; created_at: string; guest_email: string | null }
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

export const INSERT_LINE = `INSERT INTO order_line_items (order_number, id, position, sku, product_id, title, variant_title, options, quantity, unit_price, tags)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
export const lineParams = (orderNumber: string, line: LineItem, position: number) => [
  orderNumber, line.id, position, line.sku, line.product_id, line.title, line.variant_title, JSON.stringify(line.options), line.quantity, line.unit_price, JSON.stringify(line.tags),
];

/** Customers and orders over SqlDb: the same SQL on SQLite and PostgreSQL. */
export class SqlOrdersRepository implements OrdersRepository {
  constructor(private readonly sql: SqlDb) {}

  async upsertCustomers(customers: readonly CustomerInput[]): Promise<WriteCounts> {
    const counts: WriteCounts = { created: 0, updated: 0, unchanged: 0 };
    const now = new Date().toISOString();
    await this.sql.transaction(async (tx) => {
      for (const customer of customers) {
        // Comparing with the last imported source (not the live row) keeps re-imports from undoing
        // balances and addresses that support actions changed since.
        const sourceHash = hash(customer);
        const before = await tx.get<{ source_hash: string }>(`SELECT source_hash FROM customers WHERE id = ?${tx.forUpdate}`, [customer.id]);
        if (before?.source_hash === sourceHash) {
          counts.unchanged++;
          continue;
        }
        await tx.run(`INSERT INTO customers (id, email, first_name, last_name, phone, locale, addresses, source_hash, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (id) DO UPDATE SET email = excluded.email, first_name = excluded.first_name, last_name = excluded.last_name,
            phone = excluded.phone, locale = excluded.locale, addresses = excluded.addresses, source_hash = excluded.source_hash,
            updated_at = excluded.updated_at`, [
          customer.id, customer.email.toLowerCase(), customer.first_name, customer.last_name, customer.phone ?? null, customer.locale,
          JSON.stringify(customer.addresses), sourceHash, customer.created_at ?? now, now,
        ]);
        await tx.run('DELETE FROM payment_methods WHERE customer_id = ?', [customer.id]);
        for (const [position, method] of customer.payment_methods.entries()) {
          const m = { brand: null, last4: null, exp_month: null, exp_year: null, email: null, balance: null, ...method } as Omit<MethodRow, 'customer_id' | 'position'>;
          await tx.run(`INSERT INTO payment_methods (id, customer_id, position, type, brand, last4, exp_month, exp_year, email, balance)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET customer_id = excluded.customer_id, position = excluded.position, type = excluded.type,
              brand = excluded.brand, last4 = excluded.last4, exp_month = excluded.exp_month, exp_year = excluded.exp_year,
              email = excluded.email, balance = excluded.balance`,
          [m.id, customer.id, position, m.type, m.brand, m.last4, m.exp_month, m.exp_year, m.email, m.balance]);
        }
        if (before) counts.updated++;
        else counts.created++;
      }
    });
    return counts;
  }

  async upsertOrders(orders: readonly Order[]): Promise<WriteCounts> {
    const counts: WriteCounts = { created: 0, updated: 0, unchanged: 0 };
    await this.sql.transaction(async (tx) => {
      for (const order of orders) {
        const sourceHash = hash(order);
        const current = await tx.get<{ source_hash: string | null }>(`SELECT source_hash FROM orders WHERE number = ?${tx.forUpdate}`, [order.number]);
        if (current?.source_hash === sourceHash) {
          counts.unchanged++;
          continue;
        }
        await tx.run(`INSERT INTO orders (number, customer_id, status, items_modified, currency, created_at, updated_at, shipping_address, shipping, subtotal, discount, tax, total, cancel_reason, source_hash)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (number) DO UPDATE SET customer_id = excluded.customer_id, status = excluded.status, items_modified = excluded.items_modified,
            currency = excluded.currency, created_at = excluded.created_at, updated_at = excluded.updated_at, shipping_address = excluded.shipping_address,
            shipping = excluded.shipping, subtotal = excluded.subtotal, discount = excluded.discount, tax = excluded.tax, total = excluded.total,
            cancel_reason = excluded.cancel_reason, source_hash = excluded.source_hash`, [
          order.number, order.customer_id, order.status, order.items_modified, order.currency, order.created_at, order.updated_at,
          JSON.stringify(order.shipping_address), JSON.stringify(order.shipping), order.subtotal, order.discount, order.tax, order.total,
          order.cancel_reason, sourceHash,
        ]);
        for (const table of ['order_line_items', 'order_payments', 'fulfillments']) await tx.run(`DELETE FROM ${table} WHERE order_number = ?`, [order.number]);
        for (const [position, line] of order.line_items.entries()) await tx.run(INSERT_LINE, lineParams(order.number, line, position));
        for (const [position, payment] of order.payments.entries()) {
          await tx.run('INSERT INTO order_payments (id, order_number, position, kind, method_id, amount, created_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
            [payment.id, order.number, position, payment.kind, payment.method_id, payment.amount, payment.created_at, payment.note ?? null]);
        }
        for (const [position, fulfillment] of order.fulfillments.entries()) {
          await tx.run('INSERT INTO fulfillments (id, order_number, position, data) VALUES (?, ?, ?, ?)', [fulfillment.id, order.number, position, JSON.stringify(fulfillment)]);
        }
        if (current) counts.updated++;
        else counts.created++;
      }
    });
    return counts;
  }

  private async hydrateCustomer(ex: SqlExecutor, row: CustomerRow): Promise<Customer> {
    const methods = await ex.all<MethodRow>('SELECT * FROM payment_methods WHERE customer_id = ? ORDER BY position', [row.id]);
    return {
      id: row.id, email: row.guest_email ?? row.email, ...(row.guest_email ? { guest: true as const } : {}),
      first_name: row.first_name, last_name: row.last_name, ...(row.phone ? { phone: row.phone } : {}),
      locale: row.locale, created_at: row.created_at, addresses: JSON.parse(row.addresses),
      payment_methods: methods.map(({ customer_id: _customer, position: _position, ...method }) => compact(method) as PaymentMethod),
    };
  }

  /**
   * Reads an order inside the caller's transaction (see action-store.ts); `lock` takes the
   * order row's lock first on PostgreSQL, so concurrent actions on one order run one at a time.
   */
  async loadOrderIn(ex: SqlExecutor, number: string, lock = false): Promise<Order | null> {
    const key = number.trim().toUpperCase();
    const row = await ex.get<OrderRow>(`SELECT * FROM orders WHERE number = ?${lock ? ex.forUpdate : ''}`, [key]);
    if (!row) return null;
    const lines = await ex.all<LineRow>('SELECT * FROM order_line_items WHERE order_number = ? ORDER BY position', [key]);
    const payments = await ex.all<PaymentRow>('SELECT * FROM order_payments WHERE order_number = ? ORDER BY position', [key]);
    const fulfillments = await ex.all<{ data: string }>('SELECT data FROM fulfillments WHERE order_number = ? ORDER BY position', [key]);
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

  async loadCustomerIn(ex: SqlExecutor, id: string, lock = false): Promise<Customer | null> {
    const row = await ex.get<CustomerRow>(`SELECT * FROM customers WHERE id = ?${lock ? ex.forUpdate : ''}`, [id]);
    return row ? this.hydrateCustomer(ex, row) : null;
  }

  async getCustomer(id: string): Promise<Customer | null> {
    return this.loadCustomerIn(this.sql, id);
  }

  /**
   * A guest buyer's order: its own customer record, so whatever email the buyer typed, the order
   * never joins (or exposes) the account with that email. Created once per order; a retried write
   * finds it in place.
   */
  async addGuestCustomer(guest: GuestBuyer): Promise<Customer> {
    const id = guestCustomerId(guest.order_number);
    const now = new Date().toISOString();
    await this.sql.run(`INSERT INTO customers (id, email, first_name, last_name, phone, locale, addresses, source_hash, created_at, updated_at, guest_email)
      VALUES (?, ?, ?, ?, ?, ?, '[]', '', ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    [id, id, guest.first_name, guest.last_name, guest.phone ?? null, guest.locale, now, now, guest.email.trim().toLowerCase()]);
    return (await this.getCustomer(id))!;
  }

  /** Accounts only: a guest record is reached through its one order, never by email or name. */
  async findCustomerByEmail(email: string): Promise<Customer | null> {
    const row = await this.sql.get<CustomerRow>('SELECT * FROM customers WHERE email = ? AND guest_email IS NULL', [email.trim().toLowerCase()]);
    return row ? this.hydrateCustomer(this.sql, row) : null;
  }

  async hasOrdersByEmail(email: string): Promise<boolean> {
    const wanted = email.trim().toLowerCase();
    return Boolean(await this.sql.get(`SELECT 1 AS found FROM orders o JOIN customers c ON c.id = o.customer_id
      WHERE c.email = ? OR c.guest_email = ? LIMIT 1`, [wanted, wanted]));
  }

  async findCustomersByName(firstName: string, lastName: string): Promise<Customer[]> {
    // lower() on both sides: PostgreSQL compares case-sensitively, SQLite's NOCASE does not.
    const rows = await this.sql.all<CustomerRow>('SELECT * FROM customers WHERE lower(first_name) = lower(?) AND lower(last_name) = lower(?) AND guest_email IS NULL ORDER BY id',
      [firstName.trim(), lastName.trim()]);
    return Promise.all(rows.map((row) => this.hydrateCustomer(this.sql, row)));
  }

  async getOrder(number: string): Promise<Order | null> {
    return this.loadOrderIn(this.sql, number);
  }

  async listOrders(customerId: string): Promise<Order[]> {
    const numbers = await this.sql.all<{ number: string }>('SELECT number FROM orders WHERE customer_id = ? ORDER BY created_at DESC, number', [customerId]);
    const orders: Order[] = [];
    for (const { number } of numbers) {
      const order = await this.loadOrderIn(this.sql, number);
      if (order) orders.push(order);
    }
    return orders;
  }

  async existingCustomerIds(ids: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    // Chunks keep the statement under both drivers' parameter limits.
    for (let start = 0; start < ids.length; start += 500) {
      const chunk = ids.slice(start, start + 500);
      const rows = await this.sql.all<{ id: string }>(`SELECT id FROM customers WHERE id IN (${chunk.map(() => '?').join(', ')})`, chunk);
      for (const row of rows) found.add(row.id);
    }
    return found;
  }

  async counts(): Promise<{ customers: number; orders: number; by_status: Partial<Record<OrderStatus, number>> }> {
    const totals = await this.sql.get<{ customers: number; orders: number }>('SELECT (SELECT COUNT(*) FROM customers) AS customers, (SELECT COUNT(*) FROM orders) AS orders');
    const rows = await this.sql.all<{ status: OrderStatus; count: number }>('SELECT status, COUNT(*) AS count FROM orders GROUP BY status');
    return { customers: Number(totals!.customers), orders: Number(totals!.orders), by_status: Object.fromEntries(rows.map((row) => [row.status, Number(row.count)])) };
  }
}

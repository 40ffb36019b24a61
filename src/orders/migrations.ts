import type { Migration } from '../platform/index.ts';

export const ordersMigrations: Migration[] = [
  {
    id: 'orders/001-customers-orders',
    sqlite: `
      CREATE TABLE customers (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE COLLATE NOCASE,
        first_name TEXT NOT NULL,
        last_name TEXT NOT NULL,
        phone TEXT,
        locale TEXT NOT NULL,
        addresses TEXT NOT NULL,
        source_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE payment_methods (
        id TEXT PRIMARY KEY,
        customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        type TEXT NOT NULL,
        brand TEXT,
        last4 TEXT,
        exp_month INTEGER,
        exp_year INTEGER,
        email TEXT,
        balance INTEGER CHECK (balance IS NULL OR balance >= 0)
      );
      CREATE INDEX payment_methods_customer ON payment_methods(customer_id);
      CREATE TABLE orders (
        number TEXT PRIMARY KEY,
        customer_id TEXT NOT NULL REFERENCES customers(id),
        status TEXT NOT NULL,
        items_modified INTEGER NOT NULL DEFAULT 0,
        currency TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        shipping_address TEXT NOT NULL,
        shipping TEXT NOT NULL,
        subtotal INTEGER NOT NULL,
        discount INTEGER NOT NULL,
        tax INTEGER NOT NULL,
        total INTEGER NOT NULL,
        cancel_reason TEXT,
        source_hash TEXT
      );
      CREATE INDEX orders_customer ON orders(customer_id, created_at);
      CREATE TABLE order_line_items (
        order_number TEXT NOT NULL REFERENCES orders(number) ON DELETE CASCADE,
        id TEXT NOT NULL,
        position INTEGER NOT NULL,
        sku TEXT NOT NULL,
        product_id TEXT,
        title TEXT NOT NULL,
        variant_title TEXT NOT NULL,
        options TEXT NOT NULL,
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
        tags TEXT NOT NULL,
        PRIMARY KEY (order_number, id)
      );
      CREATE TABLE order_payments (
        id TEXT PRIMARY KEY,
        order_number TEXT NOT NULL REFERENCES orders(number) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('charge', 'refund')),
        method_id TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount >= 0),
        created_at TEXT NOT NULL,
        note TEXT
      );
      CREATE INDEX order_payments_order ON order_payments(order_number, position);
      CREATE TABLE fulfillments (
        id TEXT PRIMARY KEY,
        order_number TEXT NOT NULL REFERENCES orders(number) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX fulfillments_order ON fulfillments(order_number, position);
    `,
    postgres: `
      CREATE TABLE customers (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        first_name TEXT NOT NULL,
        last_name TEXT NOT NULL,
        phone TEXT,
        locale TEXT NOT NULL,
        addresses TEXT NOT NULL,
        source_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE payment_methods (
        id TEXT PRIMARY KEY,
        customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        type TEXT NOT NULL,
        brand TEXT,
        last4 TEXT,
        exp_month INTEGER,
        exp_year INTEGER,
        email TEXT,
        balance BIGINT CHECK (balance IS NULL OR balance >= 0)
      );
      CREATE INDEX payment_methods_customer ON payment_methods(customer_id);
      CREATE TABLE orders (
        number TEXT PRIMARY KEY,
        customer_id TEXT NOT NULL REFERENCES customers(id),
        status TEXT NOT NULL,
        items_modified INTEGER NOT NULL DEFAULT 0,
        currency TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        shipping_address TEXT NOT NULL,
        shipping TEXT NOT NULL,
        subtotal BIGINT NOT NULL,
        discount BIGINT NOT NULL,
        tax BIGINT NOT NULL,
        total BIGINT NOT NULL,
        cancel_reason TEXT,
        source_hash TEXT
      );
      CREATE INDEX orders_customer ON orders(customer_id, created_at);
      CREATE TABLE order_line_items (
        order_number TEXT NOT NULL REFERENCES orders(number) ON DELETE CASCADE,
        id TEXT NOT NULL,
        position INTEGER NOT NULL,
        sku TEXT NOT NULL,
        product_id TEXT,
        title TEXT NOT NULL,
        variant_title TEXT NOT NULL,
        options TEXT NOT NULL,
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        unit_price BIGINT NOT NULL CHECK (unit_price >= 0),
        tags TEXT NOT NULL,
        PRIMARY KEY (order_number, id)
      );
      CREATE TABLE order_payments (
        id TEXT PRIMARY KEY,
        order_number TEXT NOT NULL REFERENCES orders(number) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('charge', 'refund')),
        method_id TEXT NOT NULL,
        amount BIGINT NOT NULL CHECK (amount >= 0),
        created_at TEXT NOT NULL,
        note TEXT
      );
      CREATE INDEX order_payments_order ON order_payments(order_number, position);
      CREATE TABLE fulfillments (
        id TEXT PRIMARY KEY,
        order_number TEXT NOT NULL REFERENCES orders(number) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX fulfillments_order ON fulfillments(order_number, position);
    `,
  },
  {
    id: 'orders/002-post-sale-actions',
    sqlite: `
      ALTER TABLE orders ADD COLUMN request TEXT;
      -- One row per executed action, keyed by its idempotency key and written in the same
      -- transaction as the change, so a retried or concurrent request can never apply twice.
      CREATE TABLE order_actions (
        idempotency_key TEXT PRIMARY KEY,
        order_number TEXT,
        customer_id TEXT NOT NULL,
        action TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        result TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX order_actions_order ON order_actions(order_number);
      -- Card and PayPal entries of the payment history still to be executed at the provider.
      -- The history itself is never edited; this table tracks the provider side.
      CREATE TABLE payment_settlements (
        entry_id TEXT PRIMARY KEY,
        order_number TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('charge', 'refund')),
        method_id TEXT NOT NULL,
        amount INTEGER NOT NULL,
        refund_of TEXT,
        status TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        provider TEXT,
        provider_ref TEXT,
        message TEXT,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX payment_settlements_pending ON payment_settlements(status, order_number);
    `,
    postgres: `
      ALTER TABLE orders ADD COLUMN request TEXT;
      CREATE TABLE order_actions (
        idempotency_key TEXT PRIMARY KEY,
        order_number TEXT,
        customer_id TEXT NOT NULL,
        action TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        result TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX order_actions_order ON order_actions(order_number);
      CREATE TABLE payment_settlements (
        entry_id TEXT PRIMARY KEY,
        order_number TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('charge', 'refund')),
        method_id TEXT NOT NULL,
        amount BIGINT NOT NULL,
        refund_of TEXT,
        status TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        provider TEXT,
        provider_ref TEXT,
        message TEXT,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX payment_settlements_pending ON payment_settlements(status, order_number);
    `,
  },
  {
    // A checkout proves nothing about who typed the email, so its order gets a guest record of its
    // own (guest_email set; `email` holds a unique placeholder that is never an address) instead
    // of joining the account with that email. Orders already completed through checkout (their
    // charge came through an agent platform: method acp:*) move to such records.
    id: 'orders/003-guest-buyers',
    sqlite: `
      ALTER TABLE customers ADD COLUMN guest_email TEXT;
      INSERT INTO customers (id, email, first_name, last_name, phone, locale, addresses, source_hash, created_at, updated_at, guest_email)
        SELECT 'cus_guest_' || o.number, 'cus_guest_' || o.number, coalesce(nullif(json_extract(o.shipping_address, '$.name'), ''), 'Guest'), '-', NULL,
          c.locale, '[]', '', o.created_at, o.created_at, c.email
        FROM orders o JOIN customers c ON c.id = o.customer_id
        WHERE EXISTS (SELECT 1 FROM order_payments p WHERE p.order_number = o.number AND p.method_id LIKE 'acp:%');
      UPDATE orders SET customer_id = 'cus_guest_' || number
        WHERE EXISTS (SELECT 1 FROM order_payments p WHERE p.order_number = orders.number AND p.method_id LIKE 'acp:%');
    `,
    postgres: `
      ALTER TABLE customers ADD COLUMN guest_email TEXT;
      INSERT INTO customers (id, email, first_name, last_name, phone, locale, addresses, source_hash, created_at, updated_at, guest_email)
        SELECT 'cus_guest_' || o.number, 'cus_guest_' || o.number, coalesce(nullif(o.shipping_address::json->>'name', ''), 'Guest'), '-', NULL,
          c.locale, '[]', '', o.created_at, o.created_at, c.email
        FROM orders o JOIN customers c ON c.id = o.customer_id
        WHERE EXISTS (SELECT 1 FROM order_payments p WHERE p.order_number = o.number AND p.method_id LIKE 'acp:%');
      UPDATE orders SET customer_id = 'cus_guest_' || number
        WHERE EXISTS (SELECT 1 FROM order_payments p WHERE p.order_number = orders.number AND p.method_id LIKE 'acp:%');
    `,
  },
];

import type { Migration } from '../platform/index.ts';

export const checkoutMigrations: Migration[] = [
  {
    id: 'checkout/001-sessions',
    sqlite: `
      CREATE TABLE checkout_sessions (
        id TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        status TEXT NOT NULL,
        data TEXT NOT NULL,
        version INTEGER NOT NULL,
        -- per-session mutex across replicas: updates hold it for a moment
        lock_until INTEGER,
        -- the complete that owns the payment, and since when (a stale claim is taken over)
        claim_key TEXT,
        claimed_at INTEGER,
        expires_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX checkout_sessions_expiry ON checkout_sessions (status, expires_at);
      CREATE TABLE checkout_reservations (
        session_id TEXT NOT NULL REFERENCES checkout_sessions (id),
        variant_id TEXT NOT NULL,
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        PRIMARY KEY (session_id, variant_id)
      );
      -- domain events written in the same transaction as the change; surfaces deliver them
      CREATE TABLE checkout_outbox (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        session_id TEXT NOT NULL,
        owner TEXT NOT NULL,
        created_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        locked_until INTEGER,
        delivered_at TEXT,
        last_error TEXT
      );
      CREATE INDEX checkout_outbox_due ON checkout_outbox (delivered_at, next_attempt_at);
    `,
    // Same schema; epoch ms as BIGINT (INTEGER overflows in 2038 on PostgreSQL).
    postgres: `
      CREATE TABLE checkout_sessions (
        id TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        status TEXT NOT NULL,
        data TEXT NOT NULL,
        version INTEGER NOT NULL,
        lock_until BIGINT,
        claim_key TEXT,
        claimed_at BIGINT,
        expires_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX checkout_sessions_expiry ON checkout_sessions (status, expires_at);
      CREATE TABLE checkout_reservations (
        session_id TEXT NOT NULL REFERENCES checkout_sessions (id),
        variant_id TEXT NOT NULL,
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        PRIMARY KEY (session_id, variant_id)
      );
      CREATE TABLE checkout_outbox (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        session_id TEXT NOT NULL,
        owner TEXT NOT NULL,
        created_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at BIGINT NOT NULL,
        locked_until BIGINT,
        delivered_at TEXT,
        last_error TEXT
      );
      CREATE INDEX checkout_outbox_due ON checkout_outbox (delivered_at, next_attempt_at);
    `,
  },
  {
    // The order number as a real column: looking it up inside the JSON is not portable SQL.
    id: 'checkout/002-order-number',
    sqlite: `
      ALTER TABLE checkout_sessions ADD COLUMN order_number TEXT;
      UPDATE checkout_sessions SET order_number = json_extract(data, '$.order.number') WHERE status = 'completed';
      CREATE INDEX checkout_sessions_order ON checkout_sessions (order_number);
    `,
    postgres: `
      ALTER TABLE checkout_sessions ADD COLUMN order_number TEXT;
      CREATE INDEX checkout_sessions_order ON checkout_sessions (order_number);
    `,
  },
  {
    // Discount redemptions, taken when an order is paid: a counter row per limited code (a
    // conditional increment cannot overshoot) and one row per session, unique per shopper when the
    // code is once per customer.
    id: 'checkout/003-discount-redemptions',
    sqlite: `
      CREATE TABLE checkout_discount_uses (code TEXT PRIMARY KEY, uses INTEGER NOT NULL CHECK (uses >= 0));
      CREATE TABLE checkout_discount_redemptions (
        session_id TEXT NOT NULL, code TEXT NOT NULL, customer TEXT, counted INTEGER NOT NULL, created_at TEXT NOT NULL,
        PRIMARY KEY (session_id, code)
      );
      CREATE UNIQUE INDEX checkout_discount_redemptions_customer ON checkout_discount_redemptions (code, customer);
    `,
    postgres: `
      CREATE TABLE checkout_discount_uses (code TEXT PRIMARY KEY, uses INTEGER NOT NULL CHECK (uses >= 0));
      CREATE TABLE checkout_discount_redemptions (
        session_id TEXT NOT NULL, code TEXT NOT NULL, customer TEXT, counted INTEGER NOT NULL, created_at TEXT NOT NULL,
        PRIMARY KEY (session_id, code)
      );
      CREATE UNIQUE INDEX checkout_discount_redemptions_customer ON checkout_discount_redemptions (code, customer);
    `,
  },
];

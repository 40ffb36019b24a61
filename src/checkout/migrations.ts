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
  },
];

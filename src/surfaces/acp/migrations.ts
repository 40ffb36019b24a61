import type { Migration } from '../../platform/index.ts';

export const acpMigrations: Migration[] = [
  {
    id: 'acp/001-idempotency',
    sqlite: `
      -- one row per (caller + path, Idempotency-Key): in flight, then the stored response
      CREATE TABLE acp_idempotency (
        scope TEXT NOT NULL,
        key TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('in_flight', 'done')),
        status INTEGER,
        body TEXT,
        started_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (scope, key)
      );
      CREATE INDEX acp_idempotency_expiry ON acp_idempotency (expires_at);
    `,
    postgres: `
      CREATE TABLE acp_idempotency (
        scope TEXT NOT NULL,
        key TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('in_flight', 'done')),
        status INTEGER,
        body TEXT,
        started_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        PRIMARY KEY (scope, key)
      );
      CREATE INDEX acp_idempotency_expiry ON acp_idempotency (expires_at);
    `,
  },
];

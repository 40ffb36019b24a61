import type { Migration } from '../platform/index.ts';

export const paymentsMigrations: Migration[] = [
  {
    id: 'payments/001-test-provider',
    sqlite: `
      CREATE TABLE test_provider_operations (
        idempotency_key TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('charge', 'refund')),
        request_hash TEXT NOT NULL,
        result TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
    `,
    postgres: `
      CREATE TABLE test_provider_operations (
        idempotency_key TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('charge', 'refund')),
        request_hash TEXT NOT NULL,
        result TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
    `,
  },
];

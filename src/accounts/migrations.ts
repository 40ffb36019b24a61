import type { Migration } from '../platform/index.ts';

/**
 * Console accounts, their sessions and failed sign-ins. Failures are keyed by the email typed
 * (not by account) so an unknown address locks out exactly like a known one and the login form
 * cannot be used to discover which addresses have accounts.
 */
export const accountsMigrations: Migration[] = [
  {
    id: 'accounts/001-accounts-sessions-lockout',
    sqlite: `
      CREATE TABLE console_accounts (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('agent', 'admin')),
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_login_at TEXT
      );
      CREATE TABLE console_sessions (
        token_hash TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES console_accounts(id) ON DELETE CASCADE,
        csrf_token TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX console_sessions_account ON console_sessions(account_id);
      CREATE TABLE console_login_failures (
        email TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        locked_until TEXT,
        last_failure_at TEXT NOT NULL
      );
    `,
    postgres: `
      CREATE TABLE console_accounts (
        id TEXT PRIMARY KEY,
        email TEXT COLLATE "C" NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('agent', 'admin')),
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_login_at TEXT
      );
      CREATE TABLE console_sessions (
        token_hash TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES console_accounts(id) ON DELETE CASCADE,
        csrf_token TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX console_sessions_account ON console_sessions(account_id);
      CREATE TABLE console_login_failures (
        email TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        locked_until TEXT,
        last_failure_at TEXT NOT NULL
      );
    `,
  },
];

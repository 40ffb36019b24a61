import { join } from 'node:path';
import { migrate, type Migration } from './migrate.ts';
import { migratePostgres, openPostgres, type PgPool } from './postgres.ts';
import type { SqlDb } from './sql.ts';
import { postgresSql } from './sql-postgres.ts';
import { sqliteSql } from './sql-sqlite.ts';
import { openSqlite, type SqliteDb } from './sqlite.ts';

/**
 * The database the runtime runs on: the embedded SQLite file by default, PostgreSQL when a
 * `postgres://` URL is configured. Repositories only see `sql`; the driver handles are for the
 * few adapters that need the driver itself (pgvector, the catalog's bulk import).
 */
export interface Storage {
  readonly sql: SqlDb;
  readonly sqlite: SqliteDb | null;
  readonly pool: PgPool | null;
  /** Applies the migrations not yet recorded; returns their ids. */
  migrate(migrations: readonly Migration[]): Promise<string[]>;
  close(): Promise<void>;
}

export function openStorage(options: { databaseUrl?: string; dataDir: string; poolSize?: number }): Storage {
  if (options.databaseUrl) {
    const pool = openPostgres(options.databaseUrl, { max: options.poolSize });
    const sql = postgresSql(pool);
    return { sql, sqlite: null, pool, migrate: (migrations) => migratePostgres(pool, requirePostgres(migrations)), close: () => sql.close() };
  }
  return sqliteStorage(openSqlite(join(options.dataDir, 'shopkeeper.db')));
}

/** Storage over an already open SQLite connection (tests, and CLI commands that share one). */
export function sqliteStorage(db: SqliteDb): Storage {
  const sql = sqliteSql(db);
  return { sql, sqlite: db, pool: null, migrate: async (migrations) => migrate(db, migrations), close: () => sql.close() };
}

// A migration without PostgreSQL SQL would leave a table missing and fail at the first request.
function requirePostgres(migrations: readonly Migration[]): readonly Migration[] {
  const missing = migrations.filter((migration) => migration.postgres === undefined).map((migration) => migration.id);
  if (missing.length > 0) throw new Error(`These migrations have no PostgreSQL version yet: ${missing.join(', ')}. Unset DATABASE_URL to run on SQLite.`);
  return migrations;
}

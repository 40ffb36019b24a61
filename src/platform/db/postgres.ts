import pg from 'pg';
import type { Migration } from './migrate.ts';

export type PgPool = pg.Pool;
export type PgClient = pg.PoolClient;

/** A connection pool; BIGINT (count(*), sums) comes back as a JS number since our values fit. */
export function openPostgres(url: string, options: { max?: number } = {}): PgPool {
  pg.types.setTypeParser(20, (value) => Number(value));
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle connection the server closes (restart, failover) emits 'error'; unhandled, that would
  // crash the process. The pool drops it and the next query opens a new one.
  pool.on('error', () => undefined);
  return pool;
}

// One fixed advisory-lock key, so replicas starting together apply migrations one at a time.
const MIGRATION_LOCK = 727_001;

/** Applies every migration's `postgres` SQL not yet recorded, under an advisory lock. */
export async function migratePostgres(pool: PgPool, migrations: readonly Migration[]): Promise<string[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    const applied = new Set((await client.query<{ id: string }>('SELECT id FROM schema_migrations')).rows.map((row) => row.id));
    const ran: string[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.id) || migration.postgres === undefined) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.postgres);
        await client.query('INSERT INTO schema_migrations (id) VALUES ($1)', [migration.id]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      ran.push(migration.id);
    }
    return ran;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

/** Runs `work` in a transaction on one pooled connection. */
export async function withTransaction<T>(pool: PgPool, work: (client: PgClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

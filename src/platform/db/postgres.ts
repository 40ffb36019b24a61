import pg from 'pg';
import { ShopkeeperError } from '../errors.ts';
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
  const { client, release } = await checkOut(pool);
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
    release();
  }
}

/**
 * A pooled connection for several statements. While checked out, the pool's own 'error' listener
 * is detached, so a socket the server drops (restart, failover, pg_terminate_backend) would emit
 * an unhandled 'error' and end the process. This listener keeps it, and `release` then hands the
 * error back so the pool destroys the dead client instead of reusing it.
 */
export async function checkOut(pool: PgPool): Promise<{ client: PgClient; release: () => void }> {
  const client = await pool.connect().catch((error: unknown) => { throw databaseUnavailable(error); });
  let lost: Error | undefined;
  const onError = (error: Error) => { lost ??= error; };
  client.on('error', onError);
  return {
    client,
    release: () => {
      client.removeListener('error', onError);
      client.release(lost);
    },
  };
}

/** Runs `work` in a transaction on one pooled connection. */
export async function withTransaction<T>(pool: PgPool, work: (client: PgClient) => Promise<T>): Promise<T> {
  const { client, release } = await checkOut(pool);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw databaseUnavailable(error);
  } finally {
    release();
  }
}

// Server-side terminations (admin_shutdown, crash_shutdown, cannot_connect_now…) and socket errors.
const CONNECTION_SQLSTATES = /^(57P0[1-4]|08\d\d\d)$/;
const SOCKET_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH']);

/** True when the database connection itself failed (the statement may be retried on a new one). */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (CONNECTION_SQLSTATES.test(code) || SOCKET_CODES.has(code))) return true;
  return /Connection terminated|Client has encountered a connection error|terminating connection/i.test(error.message);
}

/**
 * A lost connection becomes a retryable 503 on every surface (problem+json, ACP Error, MCP
 * isError) instead of an anonymous 500; anything else passes through unchanged.
 */
export function databaseUnavailable(error: unknown): unknown {
  if (!isConnectionError(error) || ShopkeeperError.isInstance(error)) return error;
  return new ShopkeeperError('unavailable', 'The database connection was lost while handling this request.', {
    cause: error, fix: 'Retry the request, with the same Idempotency-Key for a POST.',
  });
}

import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';
import { invalidInput } from '../errors.ts';
import { databaseUnavailable, withTransaction } from './postgres.ts';
import { normaliseParams, toPostgresPlaceholders, type SqlDb, type SqlExecutor, type SqlParam } from './sql.ts';

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/** The SQL interface over a `pg` pool; a transaction holds one pooled connection. */
export function postgresSql(pool: pg.Pool): SqlDb {
  const texts = new Map<string, string>();
  const text = (sql: string) => {
    let converted = texts.get(sql);
    if (converted === undefined) texts.set(sql, (converted = toPostgresPlaceholders(sql)));
    return converted;
  };
  const current = new AsyncLocalStorage<SqlExecutor>();
  const query = (target: Queryable, sql: string, params: readonly SqlParam[]) => {
    refuseNul(params);
    return target.query(text(sql), normaliseParams(params)).catch((error: unknown) => { throw databaseUnavailable(error); });
  };
  const executor = (target: Queryable): SqlExecutor => ({
    dialect: 'postgres',
    forUpdate: ' FOR UPDATE',
    skipLocked: ' FOR UPDATE SKIP LOCKED',
    all: async <T>(sql: string, params: readonly SqlParam[] = []) => (await query(target, sql, params)).rows as T[],
    get: async <T>(sql: string, params: readonly SqlParam[] = []) => (await query(target, sql, params)).rows[0] as T | undefined,
    run: async (sql: string, params: readonly SqlParam[] = []) => (await query(target, sql, params)).rowCount ?? 0,
  });
  const onPool = executor(pool);
  // Inside a transaction, statements issued through the db itself also use its connection.
  const active = () => current.getStore() ?? onPool;

  return {
    dialect: 'postgres',
    forUpdate: onPool.forUpdate,
    skipLocked: onPool.skipLocked,
    all: (sql, params) => active().all(sql, params),
    get: (sql, params) => active().get(sql, params),
    run: (sql, params) => active().run(sql, params),
    async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
      const joined = current.getStore();
      if (joined) return work(joined);
      return withTransaction(pool, (client) => {
        const tx = executor(client);
        return current.run(tx, () => work(tx));
      });
    },
    close: () => pool.end(),
  };
}

/**
 * PostgreSQL text cannot hold U+0000 (SQLite can): a NUL from a request would fail the statement
 * as an anonymous 500. It is the caller's mistake, so it is refused as one, on every surface.
 */
function refuseNul(params: readonly SqlParam[]): void {
  for (const value of params) {
    if (typeof value === 'string' && value.includes('\u0000')) {
      throw invalidInput('Text cannot contain the NUL character (\\u0000).', { fix: 'Remove the NUL (\\u0000) characters from the request and send it again.' });
    }
  }
}

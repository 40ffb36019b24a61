import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import { normaliseParams, type SqlDb, type SqlExecutor, type SqlParam } from './sql.ts';
import type { SqliteDb } from './sqlite.ts';

/**
 * The SQL interface over one better-sqlite3 connection. An async transaction keeps the connection
 * open across awaits, so every statement of this process waits while another's transaction is
 * open: without that queue, a request's write could land inside (and roll back with) someone
 * else's transaction.
 */
export function sqliteSql(db: SqliteDb): SqlDb {
  const statements = new Map<string, Database.Statement<unknown[]>>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare<unknown[]>(sql)));
    return statement;
  };
  const inTransaction = new AsyncLocalStorage<true>();
  let queue: Promise<void> = Promise.resolve();
  let open = false;

  const direct: SqlExecutor = {
    dialect: 'sqlite',
    forUpdate: '',
    skipLocked: '',
    all: async <T>(sql: string, params: readonly SqlParam[] = []) => prepare(sql).all(...normaliseParams(params)) as T[],
    get: async <T>(sql: string, params: readonly SqlParam[] = []) => prepare(sql).get(...normaliseParams(params)) as T | undefined,
    run: async (sql: string, params: readonly SqlParam[] = []) => prepare(sql).run(...normaliseParams(params)).changes,
  };

  // Outside a transaction a statement runs at once unless one is open, then after it.
  const outside = <R>(call: () => Promise<R>): Promise<R> => {
    if (!open || inTransaction.getStore()) return call();
    return queue.then(call);
  };

  return {
    ...direct,
    all: (sql, params) => outside(() => direct.all(sql, params)),
    get: (sql, params) => outside(() => direct.get(sql, params)),
    run: (sql, params) => outside(() => direct.run(sql, params)),
    async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
      if (inTransaction.getStore()) return work(direct);
      const previous = queue;
      let release!: () => void;
      queue = new Promise<void>((resolve) => (release = resolve));
      await previous;
      open = true;
      try {
        return await inTransaction.run(true, async () => {
          db.exec('BEGIN IMMEDIATE');
          try {
            const result = await work(direct);
            db.exec('COMMIT');
            return result;
          } catch (error) {
            if (db.inTransaction) db.exec('ROLLBACK');
            throw error;
          }
        });
      } finally {
        open = false;
        release();
      }
    },
    close: async () => {
      db.close();
    },
  };
}

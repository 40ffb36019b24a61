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
  const busyTimeoutMs = Number(db.pragma('busy_timeout', { simple: true })) || 5000;
  /**
   * Waits for another connection's write lock without blocking the thread. An async transaction
   * holds the lock across awaits, so a second connection in the same process (a replica in a
   * test) that blocked in SQLite's busy handler would stop that transaction from ever committing.
   * The statement fails fast instead (busy_timeout 0 just for it), and is retried after a timer.
   */
  const whenFree = async <R>(call: () => R, outsideTransaction: boolean): Promise<R> => {
    const deadline = Date.now() + busyTimeoutMs;
    for (let delay = 1; ; delay = Math.min(delay * 2, 25)) {
      // A statement from outside waits for this process's open transaction (also after a retry delay).
      while (outsideTransaction && open) await queue;
      // db.pragma each time, not a cached statement: SQLite applies busy_timeout when the PRAGMA is
      // prepared, so re-running a prepared one changes nothing (it costs ~12 µs per statement).
      db.pragma('busy_timeout = 0');
      try {
        return call();
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() >= deadline) throw error;
      } finally {
        db.pragma(`busy_timeout = ${busyTimeoutMs}`);
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  };

  const direct: SqlExecutor = {
    dialect: 'sqlite',
    forUpdate: '',
    skipLocked: '',
    all: async <T>(sql: string, params: readonly SqlParam[] = []) => prepare(sql).all(...normaliseParams(params)) as T[],
    get: async <T>(sql: string, params: readonly SqlParam[] = []) => prepare(sql).get(...normaliseParams(params)) as T | undefined,
    run: async (sql: string, params: readonly SqlParam[] = []) => prepare(sql).run(...normaliseParams(params)).changes,
  };

  // Outside a transaction a statement runs at once unless one is open, then after it.
  const outside = <R>(call: () => R): Promise<R> => {
    if (inTransaction.getStore()) return Promise.resolve().then(call);
    return whenFree(call, true);
  };

  return {
    ...direct,
    all: <T>(sql: string, params: readonly SqlParam[] = []) => outside(() => prepare(sql).all(...normaliseParams(params)) as T[]),
    get: <T>(sql: string, params: readonly SqlParam[] = []) => outside(() => prepare(sql).get(...normaliseParams(params)) as T | undefined),
    run: (sql: string, params: readonly SqlParam[] = []) => outside(() => prepare(sql).run(...normaliseParams(params)).changes),
    async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
      if (inTransaction.getStore()) return work(direct);
      const previous = queue;
      let release!: () => void;
      queue = new Promise<void>((resolve) => (release = resolve));
      await previous;
      open = true;
      try {
        return await inTransaction.run(true, async () => {
          await whenFree(() => db.exec('BEGIN IMMEDIATE'), false);
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

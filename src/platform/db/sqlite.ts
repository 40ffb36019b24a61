import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type SqliteDb = Database.Database;

/**
 * Opens the embedded database. WAL lets the server read while an import or an action writes;
 * busy_timeout makes a second process (CLI import beside a running server) wait instead of failing.
 */
export function openSqlite(file: string): SqliteDb {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * Runs `work` in an IMMEDIATE transaction: the write lock is taken up front, so two writers never
 * both read a stale row and then race to update it.
 */
export function immediate<T>(db: SqliteDb, work: () => T): T {
  return db.transaction(work).immediate();
}

/** Prepares each SQL text once per database: preparing dominated the profile of a checkout flow. */
export function statementCache(db: SqliteDb): (sql: string) => Database.Statement<unknown[]> {
  const statements = new Map<string, Database.Statement<unknown[]>>();
  return (sql) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare<unknown[]>(sql)));
    return statement;
  };
}

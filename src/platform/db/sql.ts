/**
 * One async SQL interface over SQLite and PostgreSQL, so each repository is written once and the
 * same contract tests run on both. SQL uses `?` placeholders and the common dialect subset
 * (ON CONFLICT, RETURNING, TEXT for JSON and ISO timestamps, INTEGER for flags and epoch ms).
 */
export type Dialect = 'sqlite' | 'postgres';

export type SqlParam = string | number | bigint | boolean | null | undefined | Buffer;

export interface SqlExecutor {
  readonly dialect: Dialect;
  /** ` FOR UPDATE` on PostgreSQL, nothing on SQLite (its IMMEDIATE transaction already locks). */
  readonly forUpdate: string;
  /** ` FOR UPDATE SKIP LOCKED` on PostgreSQL: workers on several replicas lease different rows. */
  readonly skipLocked: string;
  all<T>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined>;
  /** Returns the number of rows changed. */
  run(sql: string, params?: readonly SqlParam[]): Promise<number>;
}

export interface SqlDb extends SqlExecutor {
  /**
   * Runs `work` in one transaction that holds the write lock (SQLite: BEGIN IMMEDIATE, serialised
   * with every other statement of this process; PostgreSQL: one pooled connection, rows locked
   * with `forUpdate`). A transaction started inside another joins it. Never await the network
   * inside `work`: the lock is held until it returns.
   */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Booleans as 0/1 and undefined as NULL: both drivers then store the same values. */
export function normaliseParams(params: readonly SqlParam[]): unknown[] {
  return params.map((value) => (value === undefined ? null : typeof value === 'boolean' ? (value ? 1 : 0) : value));
}

/** `?` -> `$1, $2…`, leaving question marks inside quoted literals and identifiers alone. */
export function toPostgresPlaceholders(sql: string): string {
  let out = '';
  let index = 0;
  let quote: string | null = null;
  for (const char of sql) {
    if (quote) {
      if (char === quote) quote = null;
      out += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      out += char;
    } else if (char === '?') {
      out += `$${++index}`;
    } else {
      out += char;
    }
  }
  return out;
}

import type { Migration } from '../db/migrate.ts';
import type { SqliteDb } from '../db/sqlite.ts';

export const rateLimitMigrations: Migration[] = [{
  id: 'platform/002-rate-limits',
  sqlite: `
    CREATE TABLE rate_limits (
      bucket TEXT NOT NULL,
      window_start INTEGER NOT NULL,
      count INTEGER NOT NULL,
      PRIMARY KEY (bucket, window_start)
    );
  `,
}];

/**
 * Fixed-window counters kept in the database (not memory), so every replica sees the same count
 * and a restart does not reset an attacker's budget. Buckets are hashed by the caller when they
 * contain personal data.
 */
export class RateLimiter {
  constructor(private readonly db: SqliteDb) {}

  /** Attempts counted in the current window, without adding one. */
  count(bucket: string, windowSeconds: number, now: Date): number {
    const row = this.db.prepare('SELECT count FROM rate_limits WHERE bucket = ? AND window_start = ?')
      .get(bucket, this.windowStart(windowSeconds, now)) as { count: number } | undefined;
    return row?.count ?? 0;
  }

  /** Adds one attempt atomically and returns the new count for the window. */
  hit(bucket: string, windowSeconds: number, now: Date): number {
    const start = this.windowStart(windowSeconds, now);
    const row = this.db.prepare(`INSERT INTO rate_limits (bucket, window_start, count) VALUES (?, ?, 1)
      ON CONFLICT (bucket, window_start) DO UPDATE SET count = count + 1 RETURNING count`).get(bucket, start) as { count: number };
    // Old windows are useless; trimming here keeps the table small without a separate job.
    if (row.count === 1) this.db.prepare('DELETE FROM rate_limits WHERE window_start < ?').run(start - windowSeconds * 4);
    return row.count;
  }

  private windowStart(windowSeconds: number, now: Date): number {
    const seconds = Math.floor(now.getTime() / 1000);
    return seconds - (seconds % windowSeconds);
  }
}

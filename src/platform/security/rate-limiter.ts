import type { Migration } from '../db/migrate.ts';
import type { SqlDb } from '../db/sql.ts';

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
  postgres: `
    CREATE TABLE rate_limits (
      bucket TEXT NOT NULL,
      window_start BIGINT NOT NULL,
      count INTEGER NOT NULL,
      PRIMARY KEY (bucket, window_start)
    );
    CREATE INDEX rate_limits_window ON rate_limits(window_start);
  `,
}];

/**
 * Fixed-window counters kept in the database (not memory), so every replica sees the same count
 * and a restart does not reset an attacker's budget. Buckets are hashed by the caller when they
 * contain personal data.
 */
/** Longer than any window a limit uses: rows of other buckets older than this are past for sure. */
const TRIM_OTHERS_AFTER_SECONDS = 86_400;

export class RateLimiter {
  constructor(private readonly sql: SqlDb) {}

  /** Attempts counted in the current window, without adding one. */
  async count(bucket: string, windowSeconds: number, now: Date): Promise<number> {
    const row = await this.sql.get<{ count: number }>('SELECT count FROM rate_limits WHERE bucket = ? AND window_start = ?', [bucket, this.windowStart(windowSeconds, now)]);
    return row?.count ?? 0;
  }

  /**
   * Adds one attempt and returns the new count for the window. One upsert statement: the database
   * serialises concurrent hits on the row, so replicas never lose a count.
   */
  async hit(bucket: string, windowSeconds: number, now: Date): Promise<number> {
    const start = this.windowStart(windowSeconds, now);
    const row = (await this.sql.get<{ count: number }>(`INSERT INTO rate_limits (bucket, window_start, count) VALUES (?, ?, 1)
      ON CONFLICT (bucket, window_start) DO UPDATE SET count = rate_limits.count + 1 RETURNING count`, [bucket, start]))!;
    // Old windows are useless; trimming here keeps the table small without a separate job. Only this
    // bucket's own past windows go at its own pace: another bucket may count in longer windows (a
    // 60 s chat limit must not erase a 15-minute verification count), so others go after a day.
    if (row.count === 1) {
      await this.sql.run('DELETE FROM rate_limits WHERE (bucket = ? AND window_start < ?) OR window_start < ?', [bucket, start - windowSeconds * 4, start - TRIM_OTHERS_AFTER_SECONDS]);
    }
    return row.count;
  }

  /**
   * Gives back one attempt counted by `hit` with the same `now` (reserve first, release when the
   * attempt turned out not to count), so concurrent attempts never all pass a check-then-count.
   */
  async release(bucket: string, windowSeconds: number, now: Date): Promise<void> {
    await this.sql.run('UPDATE rate_limits SET count = count - 1 WHERE bucket = ? AND window_start = ? AND count > 0', [bucket, this.windowStart(windowSeconds, now)]);
  }

  private windowStart(windowSeconds: number, now: Date): number {
    const seconds = Math.floor(now.getTime() / 1000);
    return seconds - (seconds % windowSeconds);
  }
}

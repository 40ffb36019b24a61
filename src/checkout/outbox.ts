import { immediate, statementCache, type SqliteDb } from '../platform/index.ts';

export interface OutboxEvent {
  id: string;
  type: 'order_created' | 'order_updated';
  session_id: string;
  owner: string;
  created_at: string;
  attempts: number;
}

/** Backoff after a failed delivery: 1 s, 2 s, 4 s … capped at 10 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(600_000, 1000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * The durable outbox of checkout events. Delivery is at-least-once: a worker leases due events,
 * and a lease left by a killed process expires so another process (or the restart) redelivers.
 */
export class CheckoutOutbox {
  private readonly sql: ReturnType<typeof statementCache>;

  constructor(private readonly db: SqliteDb, private readonly maxAttempts = 15) {
    this.sql = statementCache(db);
  }


  lease(now: number, leaseMs: number, limit = 10): OutboxEvent[] {
    return immediate(this.db, () => {
      const rows = this.sql(`SELECT id, type, session_id, owner, created_at, attempts FROM checkout_outbox
        WHERE delivered_at IS NULL AND attempts < ? AND next_attempt_at <= ? AND (locked_until IS NULL OR locked_until < ?)
        ORDER BY created_at LIMIT ?`).all(this.maxAttempts, now, now, limit) as OutboxEvent[];
      const lock = this.sql('UPDATE checkout_outbox SET locked_until = ? WHERE id = ?');
      for (const row of rows) lock.run(now + leaseMs, row.id);
      return rows;
    });
  }

  delivered(id: string): void {
    this.sql('UPDATE checkout_outbox SET delivered_at = ?, locked_until = NULL, attempts = attempts + 1 WHERE id = ?').run(new Date().toISOString(), id);
  }

  failed(id: string, attempts: number, error: string, now: number): void {
    this.sql('UPDATE checkout_outbox SET attempts = ?, last_error = ?, next_attempt_at = ?, locked_until = NULL WHERE id = ?')
      .run(attempts + 1, error.slice(0, 500), now + backoffMs(attempts + 1), id);
  }

  pending(): number {
    return (this.sql('SELECT COUNT(*) AS n FROM checkout_outbox WHERE delivered_at IS NULL').get() as { n: number }).n;
  }
}

import type { SqlDb } from '../platform/index.ts';

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
  constructor(private readonly sql: SqlDb, private readonly maxAttempts = 15) {}

  /**
   * Leases due events for `leaseMs`, in one statement. On PostgreSQL the rows are picked with SKIP
   * LOCKED, so two replicas leasing at the same moment get different events; the lease column then
   * keeps them apart until it expires.
   */
  async lease(now: number, leaseMs: number, limit = 10): Promise<OutboxEvent[]> {
    const rows = await this.sql.all<OutboxEvent>(`UPDATE checkout_outbox SET locked_until = ? WHERE id IN (
        SELECT id FROM checkout_outbox
        WHERE delivered_at IS NULL AND attempts < ? AND next_attempt_at <= ? AND (locked_until IS NULL OR locked_until < ?)
        ORDER BY created_at LIMIT ?${this.sql.skipLocked})
      RETURNING id, type, session_id, owner, created_at, attempts`, [now + leaseMs, this.maxAttempts, now, now, limit]);
    return rows.sort((a, b) => a.created_at.localeCompare(b.created_at));
  }

  async delivered(id: string): Promise<void> {
    await this.sql.run('UPDATE checkout_outbox SET delivered_at = ?, locked_until = NULL, attempts = attempts + 1 WHERE id = ?', [new Date().toISOString(), id]);
  }

  async failed(id: string, attempts: number, error: string, now: number): Promise<void> {
    await this.sql.run('UPDATE checkout_outbox SET attempts = ?, last_error = ?, next_attempt_at = ?, locked_until = NULL WHERE id = ?',
      [attempts + 1, error.slice(0, 500), now + backoffMs(attempts + 1), id]);
  }

  async pending(): Promise<number> {
    return (await this.sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM checkout_outbox WHERE delivered_at IS NULL'))!.n;
  }
}

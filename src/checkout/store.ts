import { finalWrite, immediate, newId, statementCache, type SqliteDb } from '../platform/index.ts';
import { assertTransition } from './state-machine.ts';
import type { CheckoutSession, SessionStatus } from './types.ts';

interface Row { data: string; lock_until: number | null; claim_key: string | null; claimed_at: number | null }

export type OutboxType = 'order_created' | 'order_updated';

/**
 * Sessions, reservations and the outbox in SQLite. Every write is conditional (version, lock or
 * status in the WHERE clause) inside an IMMEDIATE transaction, so replicas sharing the database
 * cannot both win a race.
 */
export class CheckoutStore {
  private readonly sql: ReturnType<typeof statementCache>;

  constructor(private readonly db: SqliteDb) {
    this.sql = statementCache(db);
  }


  get(id: string): CheckoutSession | null {
    const row = this.sql('SELECT data FROM checkout_sessions WHERE id = ?').get(id) as Row | undefined;
    return row ? (JSON.parse(row.data) as CheckoutSession) : null;
  }

  insert(session: CheckoutSession): CheckoutSession {
    return immediate(this.db, () => {
      this.sql(`INSERT INTO checkout_sessions (id, owner, status, data, version, expires_at, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(session.id, session.owner, session.status, JSON.stringify(session), session.version, session.expires_at, session.created_at, session.updated_at);
      return session;
    });
  }

  /** Takes the per-session mutex for `ms`; false when someone else holds it. */
  lock(id: string, now: number, ms: number): boolean {
    return this.sql('UPDATE checkout_sessions SET lock_until = ? WHERE id = ? AND (lock_until IS NULL OR lock_until < ?)').run(now + ms, id, now).changes === 1;
  }

  unlock(id: string): void {
    this.sql('UPDATE checkout_sessions SET lock_until = NULL WHERE id = ?').run(id);
  }

  /** Writes a new state if nobody wrote since `previous` was read; releases the mutex. */
  save(previous: CheckoutSession, next: CheckoutSession, event?: OutboxType): CheckoutSession | null {
    assertTransition(previous.status, next.status);
    const stored = { ...next, version: previous.version + 1 };
    return finalWrite(this.db, () => {
      const changed = this.sql(`UPDATE checkout_sessions SET status = ?, data = ?, version = ?, expires_at = ?, updated_at = ?, lock_until = NULL,
        claim_key = CASE WHEN ? IN ('complete_in_progress') THEN claim_key ELSE NULL END
        WHERE id = ? AND version = ?`).run(stored.status, JSON.stringify(stored), stored.version, stored.expires_at, stored.updated_at, stored.status, stored.id, previous.version).changes;
      if (changed !== 1) return null;
      if (event) this.enqueue(event, stored);
      return stored;
    });
  }

  /**
   * Claims the payment of a session for one complete call: ready (or waiting for 3DS) becomes
   * complete_in_progress. A claim older than `staleMs` belongs to a request that died and is taken over.
   */
  claim(id: string, claimKey: string, now: number, staleMs: number): CheckoutSession | null {
    return immediate(this.db, () => {
      // A takeover keeps the first claim's key: the payment provider then sees the same idempotency key.
      const changed = this.sql(`UPDATE checkout_sessions SET claim_key = CASE WHEN status = 'complete_in_progress' THEN claim_key ELSE ? END,
          status = 'complete_in_progress', claimed_at = ?, version = version + 1,
          data = json_set(data, '$.status', 'complete_in_progress', '$.version', version + 1)
        WHERE id = ? AND (lock_until IS NULL OR lock_until < ?)
          AND (status IN ('ready_for_payment', 'authentication_required') OR (status = 'complete_in_progress' AND claimed_at < ?))`)
        .run(claimKey, now, id, now, now - staleMs).changes;
      return changed === 1 ? this.get(id) : null;
    });
  }

  claimKeyOf(id: string): string | null {
    return (this.sql('SELECT claim_key FROM checkout_sessions WHERE id = ?').get(id) as Row | undefined)?.claim_key ?? null;
  }

  reservations(sessionId: string): Map<string, number> {
    const rows = this.sql('SELECT variant_id, quantity FROM checkout_reservations WHERE session_id = ?').all(sessionId) as Array<{ variant_id: string; quantity: number }>;
    return new Map(rows.map((row) => [row.variant_id, row.quantity]));
  }

  setReservations(sessionId: string, held: Map<string, number>): void {
    immediate(this.db, () => {
      this.sql('DELETE FROM checkout_reservations WHERE session_id = ?').run(sessionId);
      const insert = this.sql('INSERT INTO checkout_reservations (session_id, variant_id, quantity) VALUES (?, ?, ?)');
      for (const [variant, quantity] of held) if (quantity > 0) insert.run(sessionId, variant, quantity);
    });
  }

  expiredIds(nowIso: string, limit = 100): string[] {
    return (this.sql(`SELECT id FROM checkout_sessions WHERE status IN ('not_ready_for_payment', 'ready_for_payment', 'authentication_required') AND expires_at < ? LIMIT ?`)
      .all(nowIso, limit) as Array<{ id: string }>).map((row) => row.id);
  }

  enqueue(type: OutboxType, session: CheckoutSession): void {
    this.sql('INSERT INTO checkout_outbox (id, type, session_id, owner, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(newId('evt'), type, session.id, session.owner, new Date().toISOString(), Date.now());
  }

  findByOrderNumber(number: string): CheckoutSession | null {
    const row = this.sql(`SELECT data FROM checkout_sessions WHERE status = 'completed' AND json_extract(data, '$.order.number') = ?`).get(number) as Row | undefined;
    return row ? (JSON.parse(row.data) as CheckoutSession) : null;
  }

  statusOf(id: string): SessionStatus | null {
    return (this.sql('SELECT status FROM checkout_sessions WHERE id = ?').get(id) as { status: SessionStatus } | undefined)?.status ?? null;
  }
}

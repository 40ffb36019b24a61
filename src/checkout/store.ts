import { finalWrite, newId, type SqlDb, type SqlExecutor } from '../platform/index.ts';
import { assertTransition } from './state-machine.ts';
import type { CheckoutSession, SessionStatus } from './types.ts';

interface Row { data: string; status: SessionStatus; version: number; lock_until: number | null; claim_key: string | null; claimed_at: number | null }

export type OutboxType = 'order_created' | 'order_updated';

const CLAIMABLE = new Set<SessionStatus>(['ready_for_payment', 'authentication_required']);

/**
 * Sessions, reservations and the outbox, on SQLite or PostgreSQL. Every write is conditional
 * (version, lock or status in the WHERE clause) or made under a row lock in a transaction, so
 * replicas sharing the database cannot both win a race.
 */
export class CheckoutStore {
  constructor(private readonly sql: SqlDb) {}

  async get(id: string): Promise<CheckoutSession | null> {
    const row = await this.sql.get<Row>('SELECT data FROM checkout_sessions WHERE id = ?', [id]);
    return row ? (JSON.parse(row.data) as CheckoutSession) : null;
  }

  async insert(session: CheckoutSession): Promise<CheckoutSession> {
    await this.sql.run(`INSERT INTO checkout_sessions (id, owner, status, data, version, expires_at, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, [session.id, session.owner, session.status, JSON.stringify(session), session.version, dueAt(session), session.created_at, session.updated_at]);
    return session;
  }

  /** Takes the per-session mutex for `ms`; false when someone else holds it. */
  async lock(id: string, now: number, ms: number): Promise<boolean> {
    return (await this.sql.run('UPDATE checkout_sessions SET lock_until = ? WHERE id = ? AND (lock_until IS NULL OR lock_until < ?)', [now + ms, id, now])) === 1;
  }

  async unlock(id: string): Promise<void> {
    await this.sql.run('UPDATE checkout_sessions SET lock_until = NULL WHERE id = ?', [id]);
  }

  /**
   * Writes a new state if nobody wrote since `previous` was read; releases the mutex. `before`
   * runs first in the same transaction (e.g. releasing the reservations of a completed session).
   */
  async save(previous: CheckoutSession, next: CheckoutSession, event?: OutboxType, before?: (tx: SqlExecutor) => Promise<void>): Promise<CheckoutSession | null> {
    assertTransition(previous.status, next.status);
    const stored = { ...next, version: previous.version + 1 };
    return finalWrite(this.sql, async (tx) => {
      const changed = await tx.run(`UPDATE checkout_sessions SET status = ?, data = ?, version = ?, expires_at = ?, updated_at = ?, lock_until = NULL,
        claim_key = CASE WHEN ? = 'complete_in_progress' THEN claim_key ELSE NULL END, order_number = ?
        WHERE id = ? AND version = ?`, [stored.status, JSON.stringify(stored), stored.version, dueAt(stored), stored.updated_at, stored.status,
        stored.order?.number ?? null, stored.id, previous.version]);
      if (changed !== 1) return null;
      if (before) await before(tx);
      if (event) await this.enqueue(event, stored, tx);
      return stored;
    });
  }

  /**
   * Claims the payment of a session for one complete call: ready (or waiting for 3DS) becomes
   * complete_in_progress. A claim older than `staleMs` belongs to a request that died and is taken over.
   * Optimistic: the row is read, the new JSON built here (no database JSON functions), and the
   * update only lands if the version is still the one read and nobody holds the lock.
   */
  async claim(id: string, claimKey: string, now: number, staleMs: number): Promise<CheckoutSession | null> {
    const row = await this.sql.get<Row>('SELECT data, status, version, lock_until, claim_key, claimed_at FROM checkout_sessions WHERE id = ?', [id]);
    if (!row || (row.lock_until !== null && row.lock_until >= now)) return null;
    const takeover = row.status === 'complete_in_progress' && row.claimed_at !== null && row.claimed_at < now - staleMs;
    if (!CLAIMABLE.has(row.status) && !takeover) return null;
    // A takeover keeps the first claim's key: the payment provider then sees the same idempotency key.
    const key = takeover ? row.claim_key : claimKey;
    const session = { ...(JSON.parse(row.data) as CheckoutSession), status: 'complete_in_progress' as const, version: row.version + 1 };
    const changed = await this.sql.run(`UPDATE checkout_sessions SET claim_key = ?, status = 'complete_in_progress', claimed_at = ?, version = ?, data = ?
      WHERE id = ? AND version = ? AND (lock_until IS NULL OR lock_until < ?)`, [key, now, session.version, JSON.stringify(session), id, row.version, now]);
    return changed === 1 ? session : null;
  }

  /** Makes the claim stale now (claimed_at 0), keeping its key; only if nobody moved the session since. */
  async abandonClaim(id: string, version: number): Promise<void> {
    await this.sql.run(`UPDATE checkout_sessions SET claimed_at = 0 WHERE id = ? AND version = ? AND status = 'complete_in_progress'`, [id, version]);
  }

  async claimKeyOf(id: string): Promise<string | null> {
    return (await this.sql.get<Row>('SELECT claim_key FROM checkout_sessions WHERE id = ?', [id]))?.claim_key ?? null;
  }

  async reservations(sessionId: string, tx: SqlExecutor = this.sql): Promise<Map<string, number>> {
    const rows = await tx.all<{ variant_id: string; quantity: number }>('SELECT variant_id, quantity FROM checkout_reservations WHERE session_id = ?', [sessionId]);
    return new Map(rows.map((row) => [row.variant_id, Number(row.quantity)]));
  }

  /** Runs `work` in one database transaction: everything it writes commits together or not at all. */
  atomically<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.sql.transaction(work);
  }

  async setReservations(sessionId: string, held: Map<string, number>, tx?: SqlExecutor): Promise<void> {
    const write = async (on: SqlExecutor) => {
      await on.run('DELETE FROM checkout_reservations WHERE session_id = ?', [sessionId]);
      for (const [variant, quantity] of held) {
        if (quantity > 0) await on.run('INSERT INTO checkout_reservations (session_id, variant_id, quantity) VALUES (?, ?, ?)', [sessionId, variant, quantity]);
      }
    };
    await (tx ? write(tx) : this.sql.transaction(write));
  }

  /** Sessions of one owner that are still open (neither finished nor past their expiry). */
  async openCount(owner: string, nowIso: string): Promise<number> {
    const row = await this.sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM checkout_sessions WHERE owner = ? AND status IN ('not_ready_for_payment', 'ready_for_payment', 'authentication_required', 'complete_in_progress') AND expires_at >= ?`,
      [owner, nowIso]);
    return Number(row!.n);
  }

  async expiredIds(nowIso: string, limit = 100): Promise<string[]> {
    return (await this.sql.all<{ id: string }>(`SELECT id FROM checkout_sessions WHERE status IN ('not_ready_for_payment', 'ready_for_payment', 'authentication_required') AND expires_at < ? LIMIT ?`,
      [nowIso, limit])).map((row) => row.id);
  }

  async enqueue(type: OutboxType, session: CheckoutSession, tx: SqlExecutor = this.sql): Promise<void> {
    await tx.run('INSERT INTO checkout_outbox (id, type, session_id, owner, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)',
      [newId('evt'), type, session.id, session.owner, new Date().toISOString(), Date.now()]);
  }

  async findByOrderNumber(number: string): Promise<CheckoutSession | null> {
    const row = await this.sql.get<Row>(`SELECT data FROM checkout_sessions WHERE status = 'completed' AND order_number = ?`, [number]);
    return row ? (JSON.parse(row.data) as CheckoutSession) : null;
  }

  async statusOf(id: string): Promise<SessionStatus | null> {
    return (await this.sql.get<{ status: SessionStatus }>('SELECT status FROM checkout_sessions WHERE id = ?', [id]))?.status ?? null;
  }
}

/**
 * The expires_at column is when the sweep must next look at a session: its expiry, or earlier
 * the end of its stock hold. The session's own expires_at (in data) stays the session's expiry.
 */
function dueAt(session: CheckoutSession): string {
  return session.hold_expires_at && session.hold_expires_at < session.expires_at ? session.hold_expires_at : session.expires_at;
}

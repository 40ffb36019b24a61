import { newId, webhookSignature, type Logger, type SqlDb, type SqlExecutor } from '../platform/index.ts';

/** Queues an event in the caller's transaction, so an event exists exactly when its change does. */
export async function enqueueEvent(ex: SqlExecutor, type: string, data: unknown, at: string): Promise<void> {
  const eventId = newId('evt');
  const payload = JSON.stringify({ id: eventId, type, created_at: at, data });
  await ex.run(`INSERT INTO webhook_outbox (event_id, type, payload, status, next_attempt_at, created_at) VALUES (?, ?, ?, 'pending', ?, ?)`, [eventId, type, payload, at, at]);
}

export interface WebhookOptions {
  url: string;
  secret: string;
  /** Attempts before an event is marked failed (default 8). */
  maxAttempts?: number;
  /** First retry delay; each retry doubles it, capped at one hour (default 5 s). */
  baseDelayMs?: number;
  /** How long a claimed event stays reserved for its sender (default 30 s). */
  leaseMs?: number;
  fetch?: typeof fetch;
  logger?: Logger;
  now?: () => Date;
}

interface OutboxRow { id: number; event_id: string; type: string; payload: string; attempts: number }
export interface OutboxEntry { event_id: string; type: string; status: string; attempts: number; last_error: string | null }

/**
 * Delivers queued events to the helpdesk: POST JSON with `Shopkeeper-Signature: t=…,v1=…`
 * (HMAC-SHA256 of "t.body"). Due rows are leased in a short transaction (SKIP LOCKED on
 * PostgreSQL, so replicas pick different rows instead of waiting), then sent outside it: two
 * replicas never send one event at the same time. Failures back off exponentially.
 */
export class WebhookOutbox {
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly sql: SqlDb, private readonly options: WebhookOptions) {}

  /**
   * Reserves up to `limit` due events until `now + leaseMs`; returns them with the lease token
   * the finishing update must still match (an expired lease may have passed to someone else).
   */
  async lease(now: Date, limit = 20): Promise<{ rows: OutboxRow[]; lockedUntil: string }> {
    const at = now.toISOString();
    const lockedUntil = new Date(now.getTime() + (this.options.leaseMs ?? 30_000)).toISOString();
    const rows = await this.sql.transaction(async (tx) => {
      const due = await tx.all<OutboxRow>(`SELECT id, event_id, type, payload, attempts FROM webhook_outbox WHERE status = 'pending' AND next_attempt_at <= ?
        AND (locked_until IS NULL OR locked_until <= ?) ORDER BY id LIMIT ?${tx.skipLocked}`, [at, at, limit]);
      const claimed: OutboxRow[] = [];
      for (const row of due) {
        const changed = await tx.run(`UPDATE webhook_outbox SET locked_until = ? WHERE id = ? AND status = 'pending' AND (locked_until IS NULL OR locked_until <= ?)`, [lockedUntil, row.id, at]);
        if (changed === 1) claimed.push({ ...row, id: Number(row.id) });
      }
      return claimed;
    });
    return { rows, lockedUntil };
  }

  /** Sends every due event once; returns how many were delivered. */
  async deliverDue(limit = 20): Promise<number> {
    const now = (this.options.now ?? (() => new Date()))();
    const at = now.toISOString();
    const { rows, lockedUntil } = await this.lease(now, limit);
    let delivered = 0;
    for (const row of rows) {
      const error = await this.send(row, now);
      if (error === null) {
        await this.sql.run(`UPDATE webhook_outbox SET status = 'delivered', attempts = attempts + 1, delivered_at = ?, locked_until = NULL, last_error = NULL WHERE id = ? AND locked_until = ?`, [at, row.id, lockedUntil]);
        delivered++;
        continue;
      }
      const attempts = row.attempts + 1;
      const failed = attempts >= (this.options.maxAttempts ?? 8);
      const delay = Math.min((this.options.baseDelayMs ?? 5_000) * 2 ** (attempts - 1), 3_600_000);
      await this.sql.run(`UPDATE webhook_outbox SET status = ?, attempts = ?, next_attempt_at = ?, locked_until = NULL, last_error = ? WHERE id = ? AND locked_until = ?`,
        [failed ? 'failed' : 'pending', attempts, new Date(now.getTime() + delay).toISOString(), error, row.id, lockedUntil]);
      this.options.logger?.warn({ event: row.event_id, attempts, failed, error }, 'escalation webhook delivery failed');
    }
    return delivered;
  }

  private async send(row: OutboxRow, now: Date): Promise<string | null> {
    try {
      const response = await (this.options.fetch ?? fetch)(this.options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json', 'user-agent': 'Shopkeeper-Webhooks/1', 'shopkeeper-event': row.type, 'shopkeeper-event-id': row.event_id,
          'shopkeeper-signature': webhookSignature(this.options.secret, row.payload, Math.floor(now.getTime() / 1000)),
        },
        body: row.payload,
        signal: AbortSignal.timeout(10_000),
      });
      await response.arrayBuffer().catch(() => undefined);
      return response.ok ? null : `HTTP ${response.status}`;
    } catch (error) {
      return (error as Error).message;
    }
  }

  /** Polls in the background (unref'd, so it never keeps the process alive). */
  start(intervalMs = 2_000): () => void {
    const tick = () => {
      this.deliverDue().catch((error: unknown) => this.options.logger?.error({ err: error }, 'webhook outbox tick failed'))
        .finally(() => { if (this.timer) this.timer = setTimeout(tick, intervalMs).unref(); });
    };
    this.timer = setTimeout(tick, intervalMs).unref();
    return () => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
    };
  }

  /** Events and their delivery state, for the console and tests. */
  list(): Promise<OutboxEntry[]> {
    return this.sql.all<OutboxEntry>('SELECT event_id, type, status, attempts, last_error FROM webhook_outbox ORDER BY id');
  }
}

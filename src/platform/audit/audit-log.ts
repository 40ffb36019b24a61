import type { Migration } from '../db/migrate.ts';
import type { SqlDb, SqlExecutor, SqlParam } from '../db/sql.ts';

/** Who changed something: the shopper through an assistant, a support agent in the console, or the system. */
export interface AuditActor {
  kind: 'assistant' | 'shopper' | 'support_agent' | 'system';
  id: string;
}

export interface AuditEntry {
  actor: AuditActor;
  /** The surface the change came through (mcp, chat, console, cli, test…). */
  channel: string;
  /** A dotted verb such as `order.cancel` or `escalation.status`. */
  action: string;
  subject: { type: string; id: string };
  /** The customer the change concerns, when there is one (so a customer's history is one query). */
  customer_id?: string;
  before: unknown;
  after: unknown;
  /** The idempotency key or held-action id that caused it, to trace one request across tables. */
  correlation_id?: string;
}

export interface StoredAuditEntry extends AuditEntry {
  id: number;
  at: string;
}

export const auditMigrations: Migration[] = [{
  id: 'platform/001-audit-log',
  sqlite: `
    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      actor_kind TEXT NOT NULL,
      actor_id TEXT NOT NULL,
      channel TEXT NOT NULL,
      action TEXT NOT NULL,
      subject_type TEXT NOT NULL,
      subject_id TEXT NOT NULL,
      customer_id TEXT,
      before TEXT,
      after TEXT,
      correlation_id TEXT
    );
    CREATE INDEX audit_log_subject ON audit_log(subject_type, subject_id, id);
  `,
  postgres: `
    CREATE TABLE audit_log (
      id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at TEXT NOT NULL,
      actor_kind TEXT NOT NULL,
      actor_id TEXT NOT NULL,
      channel TEXT NOT NULL,
      action TEXT NOT NULL,
      subject_type TEXT NOT NULL,
      subject_id TEXT NOT NULL,
      customer_id TEXT,
      before TEXT,
      after TEXT,
      correlation_id TEXT
    );
    CREATE INDEX audit_log_subject ON audit_log(subject_type, subject_id, id);
    CREATE INDEX audit_log_customer ON audit_log(customer_id, id);
  `,
}];

/**
 * Takes the caller's executor on purpose: inside a transaction the audit row commits (or rolls
 * back) with the change it describes, so there is never a change without its record.
 */
export async function recordAudit(ex: SqlExecutor, entry: AuditEntry, at: string): Promise<void> {
  await ex.run(`INSERT INTO audit_log (at, actor_kind, actor_id, channel, action, subject_type, subject_id, customer_id, before, after, correlation_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
    at, entry.actor.kind, entry.actor.id, entry.channel, entry.action, entry.subject.type, entry.subject.id, entry.customer_id ?? null,
    JSON.stringify(entry.before ?? null), JSON.stringify(entry.after ?? null), entry.correlation_id ?? null,
  ]);
}

interface AuditRow {
  id: number; at: string; actor_kind: AuditActor['kind']; actor_id: string; channel: string; action: string;
  subject_type: string; subject_id: string; customer_id: string | null; before: string | null; after: string | null; correlation_id: string | null;
}

export interface AuditFilter { subject_type?: string; subject_id?: string; customer_id?: string; action?: string; limit?: number }

/** Read side of the audit log, for the console and tests. */
export class AuditLog {
  constructor(private readonly sql: SqlDb) {}

  record(entry: AuditEntry, at = new Date().toISOString()): Promise<void> {
    return recordAudit(this.sql, entry, at);
  }

  async list(filter: AuditFilter = {}): Promise<StoredAuditEntry[]> {
    // Only the given filters become conditions: an untyped `? IS NULL` is an error on PostgreSQL.
    const where: string[] = [];
    const params: SqlParam[] = [];
    for (const column of ['subject_type', 'subject_id', 'customer_id', 'action'] as const) {
      if (filter[column] === undefined) continue;
      where.push(`${column} = ?`);
      params.push(filter[column]);
    }
    const rows = await this.sql.all<AuditRow>(`SELECT * FROM audit_log${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT ?`, [...params, filter.limit ?? 1000]);
    return rows.map((row) => ({
      id: Number(row.id), at: row.at, actor: { kind: row.actor_kind, id: row.actor_id }, channel: row.channel, action: row.action,
      subject: { type: row.subject_type, id: row.subject_id }, ...(row.customer_id ? { customer_id: row.customer_id } : {}), before: row.before === null ? null : JSON.parse(row.before),
      after: row.after === null ? null : JSON.parse(row.after), ...(row.correlation_id ? { correlation_id: row.correlation_id } : {}),
    }));
  }
}

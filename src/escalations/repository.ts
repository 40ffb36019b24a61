import { conflict, newId, notFound, recordAudit, type AuditActor, type SqliteDb } from '../platform/index.ts';
import type { Category, Escalation, EscalationStatus, HeldAction, HeldStatus, NewEscalation, Priority } from './types.ts';
import { enqueueEvent } from './outbox.ts';

interface EscalationRow extends Omit<Escalation, 'transcript'> { transcript: string }
interface HeldRow extends Omit<HeldAction, 'input' | 'preview' | 'result'> { input: string; preview: string; result: string | null }

const toEscalation = (row: EscalationRow): Escalation => {
  const { source_key: _key, ...rest } = row as EscalationRow & { source_key: string };
  return { ...rest, transcript: JSON.parse(row.transcript) };
};
const toHeld = (row: HeldRow): HeldAction => ({ ...row, input: JSON.parse(row.input), preview: JSON.parse(row.preview), result: row.result === null ? null : JSON.parse(row.result) });

export interface EscalationFilter {
  status?: EscalationStatus | EscalationStatus[];
  priority?: Priority;
  category?: Category;
  customer_id?: string;
  order_number?: string;
  limit?: number;
}

export interface Who { actor: AuditActor; channel: string; now: Date }

const PRIORITY_ORDER = "CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END";

/** Escalations and held actions. Every change is audited and queued for the helpdesk webhook in the same transaction. */
export class SqliteEscalations {
  constructor(private readonly db: SqliteDb) {}

  /** Opens an escalation, or returns the one already opened for `source_key`. */
  async open(input: NewEscalation, who: Who): Promise<{ escalation: Escalation; created: boolean }> {
    return this.db.transaction(() => {
      const existing = this.db.prepare('SELECT * FROM escalations WHERE source_key = ?').get(input.source_key) as EscalationRow | undefined;
      if (existing) return { escalation: toEscalation(existing), created: false };
      const at = who.now.toISOString();
      const row = {
        id: newId('esc'), source_key: input.source_key, status: 'open', priority: input.priority, category: input.category, reason: input.reason,
        summary: input.summary, transcript: JSON.stringify(input.transcript ?? []), customer_id: input.customer_id ?? null,
        order_number: input.order_number ?? null, held_action_id: input.held_action_id ?? null, channel: input.channel, assignee: null, created_at: at, updated_at: at,
      };
      this.db.prepare(`INSERT INTO escalations (id, source_key, status, priority, category, reason, summary, transcript, customer_id, order_number, held_action_id, channel, assignee, created_at, updated_at)
        VALUES (@id, @source_key, @status, @priority, @category, @reason, @summary, @transcript, @customer_id, @order_number, @held_action_id, @channel, @assignee, @created_at, @updated_at)`).run(row);
      const escalation = toEscalation(row as EscalationRow);
      recordAudit(this.db, { actor: who.actor, channel: who.channel, action: 'escalation.open', subject: { type: 'escalation', id: row.id }, customer_id: row.customer_id ?? undefined, before: null, after: { status: 'open', priority: row.priority, category: row.category, order_number: row.order_number, held_action_id: row.held_action_id } }, at);
      enqueueEvent(this.db, 'escalation.created', escalation, at);
      return { escalation, created: true };
    }).immediate();
  }

  async get(id: string): Promise<Escalation | null> {
    const row = this.db.prepare('SELECT * FROM escalations WHERE id = ?').get(id) as EscalationRow | undefined;
    return row ? toEscalation(row) : null;
  }

  /** The queue: most urgent first, then oldest. */
  async list(filter: EscalationFilter = {}): Promise<Escalation[]> {
    const statuses = filter.status === undefined ? null : JSON.stringify([filter.status].flat());
    const rows = this.db.prepare(`SELECT * FROM escalations WHERE (@statuses IS NULL OR status IN (SELECT value FROM json_each(@statuses)))
      AND (@priority IS NULL OR priority = @priority) AND (@category IS NULL OR category = @category)
      AND (@customer_id IS NULL OR customer_id = @customer_id) AND (@order_number IS NULL OR order_number = @order_number)
      ORDER BY ${PRIORITY_ORDER}, created_at, id LIMIT @limit`).all({
      statuses, priority: filter.priority ?? null, category: filter.category ?? null, customer_id: filter.customer_id ?? null,
      order_number: filter.order_number ?? null, limit: filter.limit ?? 100,
    }) as EscalationRow[];
    return rows.map(toEscalation);
  }

  /** Moves an escalation (claim, wait on the customer, resolve); `assignee` is set when claiming. */
  async setStatus(id: string, status: EscalationStatus, who: Who, assignee?: string): Promise<Escalation> {
    return this.db.transaction(() => {
      const before = this.db.prepare('SELECT * FROM escalations WHERE id = ?').get(id) as EscalationRow | undefined;
      if (!before) throw notFound(`Escalation ${id} not found.`, { field: 'id' });
      const at = who.now.toISOString();
      const nextAssignee = status === 'claimed' ? (assignee ?? who.actor.id) : before.assignee;
      this.db.prepare('UPDATE escalations SET status = ?, assignee = ?, updated_at = ? WHERE id = ?').run(status, nextAssignee, at, id);
      const after = toEscalation({ ...before, status, assignee: nextAssignee, updated_at: at });
      recordAudit(this.db, { actor: who.actor, channel: who.channel, action: 'escalation.status', subject: { type: 'escalation', id }, customer_id: before.customer_id ?? undefined, before: { status: before.status, assignee: before.assignee }, after: { status, assignee: nextAssignee } }, at);
      enqueueEvent(this.db, 'escalation.updated', after, at);
      return after;
    }).immediate();
  }

  /**
   * Stores an action awaiting approval. The same key returns the same held action; a second,
   * different request while one is open for the order returns the open one (`created: false`).
   */
  async hold(input: Omit<HeldAction, 'id' | 'status' | 'escalation_id' | 'decided_by' | 'decided_at' | 'result' | 'created_at'>, who: Who): Promise<{ held: HeldAction; created: boolean }> {
    return this.db.transaction(() => {
      const same = this.db.prepare('SELECT * FROM held_actions WHERE source_key = ?').get(input.source_key) as HeldRow | undefined;
      if (same) return { held: toHeld(same), created: false };
      const open = this.db.prepare("SELECT * FROM held_actions WHERE order_number = ? AND status IN ('pending', 'approved')").get(input.order_number) as HeldRow | undefined;
      if (open) return { held: toHeld(open), created: false };
      const at = who.now.toISOString();
      const row: HeldRow = {
        ...input, id: newId('held'), input: JSON.stringify(input.input), preview: JSON.stringify(input.preview), status: 'pending',
        escalation_id: null, decided_by: null, decided_at: null, result: null, created_at: at,
      };
      this.db.prepare(`INSERT INTO held_actions (id, source_key, kind, order_number, customer_id, input, preview, reason, status, escalation_id, decided_by, decided_at, result, created_at)
        VALUES (@id, @source_key, @kind, @order_number, @customer_id, @input, @preview, @reason, @status, @escalation_id, @decided_by, @decided_at, @result, @created_at)`).run(row);
      recordAudit(this.db, { actor: who.actor, channel: who.channel, action: 'held_action.create', subject: { type: 'held_action', id: row.id }, customer_id: input.customer_id, before: null, after: { kind: input.kind, order_number: input.order_number, reason: input.reason, preview: input.preview }, correlation_id: input.source_key }, at);
      return { held: toHeld(row), created: true };
    }).immediate();
  }

  async linkEscalation(heldId: string, escalationId: string): Promise<void> {
    this.db.prepare('UPDATE held_actions SET escalation_id = ? WHERE id = ? AND escalation_id IS NULL').run(escalationId, heldId);
  }

  async getHeld(id: string): Promise<HeldAction | null> {
    const row = this.db.prepare('SELECT * FROM held_actions WHERE id = ?').get(id) as HeldRow | undefined;
    return row ? toHeld(row) : null;
  }

  async findHeldByKey(sourceKey: string): Promise<HeldAction | null> {
    const row = this.db.prepare('SELECT * FROM held_actions WHERE source_key = ?').get(sourceKey) as HeldRow | undefined;
    return row ? toHeld(row) : null;
  }

  async listHeld(filter: { status?: HeldStatus; order_number?: string } = {}): Promise<HeldAction[]> {
    const rows = this.db.prepare('SELECT * FROM held_actions WHERE (@status IS NULL OR status = @status) AND (@order IS NULL OR order_number = @order) ORDER BY created_at, id')
      .all({ status: filter.status ?? null, order: filter.order_number ?? null }) as HeldRow[];
    return rows.map(toHeld);
  }

  /**
   * Moves a held action from one status to the next only if it is still in `from`: of two support
   * agents clicking approve at once, exactly one wins.
   */
  async transitionHeld(id: string, from: HeldStatus, to: HeldStatus, who: Who, result?: unknown): Promise<HeldAction> {
    return this.db.transaction(() => {
      const at = who.now.toISOString();
      const changed = this.db.prepare(`UPDATE held_actions SET status = @to, decided_by = coalesce(decided_by, @by), decided_at = coalesce(decided_at, @at),
        result = coalesce(@result, result) WHERE id = @id AND status = @from`).run({ id, from, to, by: who.actor.id, at, result: result === undefined ? null : JSON.stringify(result) });
      const row = this.db.prepare('SELECT * FROM held_actions WHERE id = ?').get(id) as HeldRow | undefined;
      if (!row) throw notFound(`Held action ${id} not found.`, { field: 'id' });
      if (changed.changes !== 1) throw conflict(`Held action ${id} is ${row.status}, not ${from}.`, { field: 'id', fix: 'Reload the held action; someone else already decided it.' });
      recordAudit(this.db, { actor: who.actor, channel: who.channel, action: `held_action.${to}`, subject: { type: 'held_action', id }, customer_id: row.customer_id, before: { status: from }, after: { status: to, result: result ?? null } }, at);
      return toHeld(row);
    }).immediate();
  }
}

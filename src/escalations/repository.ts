import { conflict, newId, notFound, recordAudit, type AuditActor, type SqlDb, type SqlExecutor, type SqlParam } from '../platform/index.ts';
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
  priority?: Priority | Priority[];
  category?: Category | string;
  customer_id?: string;
  order_number?: string;
  /** Only escalations created at or before this instant (SLA triage: "older than"). */
  created_before?: string;
  /** Only escalations changed after this instant (the console's live stream). */
  updated_after?: string;
  limit?: number;
  offset?: number;
}

export interface Who { actor: AuditActor; channel: string; now: Date }

const PRIORITY_ORDER = "CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END";

const ESCALATION_COLUMNS = ['id', 'source_key', 'status', 'priority', 'category', 'reason', 'summary', 'transcript', 'customer_id', 'order_number', 'held_action_id', 'conversation_id', 'channel', 'assignee', 'created_at', 'updated_at'] as const;
const HELD_COLUMNS = ['id', 'source_key', 'kind', 'order_number', 'customer_id', 'input', 'preview', 'reason', 'status', 'escalation_id', 'decided_by', 'decided_at', 'result', 'created_at'] as const;
const insertSql = (table: string, columns: readonly string[]) =>
  `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ON CONFLICT DO NOTHING`;

/** Escalations and held actions. Every change is audited and queued for the helpdesk webhook in the same transaction. */
export class SqlEscalations {
  constructor(private readonly sql: SqlDb) {}

  /** Opens an escalation, or returns the one already opened for `source_key`. */
  async open(input: NewEscalation, who: Who): Promise<{ escalation: Escalation; created: boolean }> {
    return this.sql.transaction(async (tx) => {
      const existing = await tx.get<EscalationRow>('SELECT * FROM escalations WHERE source_key = ?', [input.source_key]);
      if (existing) return { escalation: toEscalation(existing), created: false };
      const at = who.now.toISOString();
      const row = {
        id: newId('esc'), source_key: input.source_key, status: 'open', priority: input.priority, category: input.category, reason: input.reason,
        summary: input.summary, transcript: JSON.stringify(input.transcript ?? []), customer_id: input.customer_id ?? null,
        order_number: input.order_number ?? null, held_action_id: input.held_action_id ?? null, conversation_id: input.conversation_id ?? null, channel: input.channel, assignee: null, created_at: at, updated_at: at,
      };
      // DO NOTHING: on PostgreSQL a concurrent twin with the same key may have committed since the
      // check above; the unique key then decides and this call returns the twin's escalation.
      if (await tx.run(insertSql('escalations', ESCALATION_COLUMNS), ESCALATION_COLUMNS.map((column) => row[column])) === 0) {
        const twin = (await tx.get<EscalationRow>('SELECT * FROM escalations WHERE source_key = ?', [input.source_key]))!;
        return { escalation: toEscalation(twin), created: false };
      }
      const escalation = toEscalation(row as EscalationRow);
      await recordAudit(tx, { actor: who.actor, channel: who.channel, action: 'escalation.open', subject: { type: 'escalation', id: row.id }, customer_id: row.customer_id ?? undefined, before: null, after: { status: 'open', priority: row.priority, category: row.category, order_number: row.order_number, held_action_id: row.held_action_id } }, at);
      await enqueueEvent(tx, 'escalation.created', escalation, at);
      return { escalation, created: true };
    });
  }

  async get(id: string): Promise<Escalation | null> {
    const row = await this.sql.get<EscalationRow>('SELECT * FROM escalations WHERE id = ?', [id]);
    return row ? toEscalation(row) : null;
  }

  /** The queue: most urgent first, then oldest. */
  async list(filter: EscalationFilter = {}): Promise<Escalation[]> {
    const where: string[] = [];
    const params: SqlParam[] = [];
    // Every filter is applied here, before LIMIT: a filter applied after the cap misses rows.
    for (const column of ['status', 'priority'] as const) {
      if (filter[column] === undefined) continue;
      const values = [filter[column]].flat();
      where.push(values.length ? `${column} IN (${values.map(() => '?').join(', ')})` : '1 = 0');
      params.push(...values);
    }
    for (const column of ['category', 'customer_id', 'order_number'] as const) {
      if (filter[column] === undefined) continue;
      where.push(`${column} = ?`);
      params.push(filter[column]);
    }
    if (filter.created_before !== undefined) { where.push('created_at <= ?'); params.push(filter.created_before); }
    if (filter.updated_after !== undefined) { where.push('updated_at > ?'); params.push(filter.updated_after); }
    const rows = await this.sql.all<EscalationRow>(`SELECT * FROM escalations${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${PRIORITY_ORDER}, created_at, id LIMIT ? OFFSET ?`, [...params, Math.min(filter.limit ?? 100, 1000), Math.max(0, filter.offset ?? 0)]);
    return rows.map(toEscalation);
  }

  /** Moves an escalation (claim, wait on the customer, resolve); `assignee` is set when claiming. */
  async setStatus(id: string, status: EscalationStatus, who: Who, assignee?: string): Promise<Escalation> {
    return this.sql.transaction((tx) => this.setStatusIn(tx, id, status, who, assignee));
  }

  /** `setStatus` inside the caller's transaction (it commits with the change that caused it). */
  async setStatusIn(tx: SqlExecutor, id: string, status: EscalationStatus, who: Who, assignee?: string): Promise<Escalation> {
    const before = await tx.get<EscalationRow>(`SELECT * FROM escalations WHERE id = ?${tx.forUpdate}`, [id]);
    if (!before) throw notFound(`Escalation ${id} not found.`, { field: 'id' });
    const at = who.now.toISOString();
    const nextAssignee = status === 'claimed' ? (assignee ?? who.actor.id) : before.assignee;
    await tx.run('UPDATE escalations SET status = ?, assignee = ?, updated_at = ? WHERE id = ?', [status, nextAssignee, at, id]);
    const after = toEscalation({ ...before, status, assignee: nextAssignee, updated_at: at });
    await recordAudit(tx, { actor: who.actor, channel: who.channel, action: 'escalation.status', subject: { type: 'escalation', id }, customer_id: before.customer_id ?? undefined, before: { status: before.status, assignee: before.assignee }, after: { status, assignee: nextAssignee } }, at);
    await enqueueEvent(tx, 'escalation.updated', after, at);
    return after;
  }

  /**
   * Stores an action awaiting approval. The same key returns the same held action; a second,
   * different request while one is open for the order returns the open one (`created: false`).
   */
  async hold(input: Omit<HeldAction, 'id' | 'status' | 'escalation_id' | 'decided_by' | 'decided_at' | 'result' | 'created_at'>, who: Who): Promise<{ held: HeldAction; created: boolean }> {
    return this.sql.transaction(async (tx) => {
      const existing = () => this.existingHold(tx, input.source_key, input.order_number);
      const found = await existing();
      if (found) return { held: found, created: false };
      const at = who.now.toISOString();
      const row: HeldRow = {
        ...input, id: newId('held'), input: JSON.stringify(input.input), preview: JSON.stringify(input.preview), status: 'pending',
        escalation_id: null, decided_by: null, decided_at: null, result: null, created_at: at,
      };
      // The unique key and the one-open-per-order index decide between concurrent holds (PostgreSQL
      // does not serialise them like SQLite's write lock); the loser returns the winner's.
      if (await tx.run(insertSql('held_actions', HELD_COLUMNS), HELD_COLUMNS.map((column) => row[column])) === 0) {
        return { held: (await existing())!, created: false };
      }
      await recordAudit(tx, { actor: who.actor, channel: who.channel, action: 'held_action.create', subject: { type: 'held_action', id: row.id }, customer_id: input.customer_id, before: null, after: { kind: input.kind, order_number: input.order_number, reason: input.reason, preview: input.preview }, correlation_id: input.source_key }, at);
      return { held: toHeld(row), created: true };
    });
  }

  private async existingHold(ex: SqlExecutor, sourceKey: string, orderNumber: string): Promise<HeldAction | null> {
    const same = await ex.get<HeldRow>('SELECT * FROM held_actions WHERE source_key = ?', [sourceKey]);
    if (same) return toHeld(same);
    const open = await ex.get<HeldRow>("SELECT * FROM held_actions WHERE order_number = ? AND status IN ('pending', 'approved')", [orderNumber]);
    return open ? toHeld(open) : null;
  }

  async linkEscalation(heldId: string, escalationId: string): Promise<void> {
    await this.sql.run('UPDATE held_actions SET escalation_id = ? WHERE id = ? AND escalation_id IS NULL', [escalationId, heldId]);
  }

  async getHeld(id: string): Promise<HeldAction | null> {
    const row = await this.sql.get<HeldRow>('SELECT * FROM held_actions WHERE id = ?', [id]);
    return row ? toHeld(row) : null;
  }

  async findHeldByKey(sourceKey: string): Promise<HeldAction | null> {
    const row = await this.sql.get<HeldRow>('SELECT * FROM held_actions WHERE source_key = ?', [sourceKey]);
    return row ? toHeld(row) : null;
  }

  async listHeld(filter: { status?: HeldStatus; order_number?: string } = {}): Promise<HeldAction[]> {
    const where: string[] = [];
    const params: SqlParam[] = [];
    if (filter.status !== undefined) { where.push('status = ?'); params.push(filter.status); }
    if (filter.order_number !== undefined) { where.push('order_number = ?'); params.push(filter.order_number); }
    const rows = await this.sql.all<HeldRow>(`SELECT * FROM held_actions${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at, id`, params);
    return rows.map(toHeld);
  }

  /**
   * Moves a held action from one status to the next only if it is still in `from`: of two support
   * agents clicking approve at once, exactly one wins.
   */
  async transitionHeld(id: string, from: HeldStatus, to: HeldStatus, who: Who, result?: unknown): Promise<HeldAction> {
    return this.sql.transaction((tx) => this.transitionHeldIn(tx, id, from, to, who, result));
  }

  /** `transitionHeld` inside the caller's transaction: an approval commits with the order change it executes. */
  async transitionHeldIn(tx: SqlExecutor, id: string, from: HeldStatus, to: HeldStatus, who: Who, result?: unknown): Promise<HeldAction> {
    const at = who.now.toISOString();
    const changed = await tx.run(`UPDATE held_actions SET status = ?, decided_by = coalesce(decided_by, ?), decided_at = coalesce(decided_at, ?),
      result = coalesce(?, result) WHERE id = ? AND status = ?`, [to, who.actor.id, at, result === undefined ? null : JSON.stringify(result), id, from]);
    const row = await tx.get<HeldRow>('SELECT * FROM held_actions WHERE id = ?', [id]);
    if (!row) throw notFound(`Held action ${id} not found.`, { field: 'id' });
    if (changed !== 1) throw conflict(`Held action ${id} is ${row.status}, not ${from}.`, { field: 'id', fix: 'Reload the held action; someone else already decided it.' });
    await recordAudit(tx, { actor: who.actor, channel: who.channel, action: `held_action.${to}`, subject: { type: 'held_action', id }, customer_id: row.customer_id, before: { status: from }, after: { status: to, result: result ?? null } }, at);
    return toHeld(row);
  }
}

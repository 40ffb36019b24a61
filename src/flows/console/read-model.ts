import type { SqlDb } from '../../platform/index.ts';

interface ConversationState { ticketId?: string; verifiedOrder?: string }

const parse = <T>(text: string | null): T | null => {
  try {
    return text ? JSON.parse(text) as T : null;
  } catch {
    return null;
  }
};
const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/**
 * Read-only reporting queries for the console across the tables of several capabilities
 * (conversations, escalations, audit log, checkout). They only read, and each checks that its
 * table exists, so the console works whichever capabilities a build includes. Writes always go
 * through the capabilities themselves. JSON columns are narrowed with LIKE and then parsed here:
 * SQLite's json_extract and PostgreSQL's operators differ, and these tables belong to others.
 */
export class ConsoleReadModel {
  constructor(private readonly sql: SqlDb) {}

  private async columns(table: string): Promise<string[]> {
    const rows = this.sql.dialect === 'sqlite'
      ? await this.sql.all<{ name: string }>('SELECT name FROM pragma_table_info(?)', [table])
      : await this.sql.all<{ name: string }>('SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?', [table]);
    return rows.map((row) => row.name);
  }

  private async has(table: string): Promise<boolean> {
    return (await this.columns(table)).length > 0;
  }

  /**
   * The widget conversation an escalation came from, and so the only one a reply may reach: the
   * one recorded when it was opened; for escalations older than that record, the conversation
   * that holds it as its ticket, else one verified as the owner of its order. Never a
   * conversation that merely mentions the order number: anyone can type one.
   */
  async conversationOf(escalation: { id: string; conversation_id?: string | null; customer_id?: string | null; order_number: string | null; created_at: string }): Promise<string | null> {
    if (!await this.has('assistant_conversations')) return null;
    if (escalation.conversation_id !== undefined && escalation.conversation_id !== null) {
      return await this.sql.get('SELECT 1 AS found FROM assistant_conversations WHERE id = ?', [escalation.conversation_id]) ? escalation.conversation_id : null;
    }
    const byTicket = await this.sql.all<{ id: string; state: string }>('SELECT id, state FROM assistant_conversations WHERE state LIKE ? ORDER BY created_at', [`%${escalation.id}%`]);
    const ticketed = byTicket.find((row) => parse<ConversationState>(row.state)?.ticketId === escalation.id);
    if (ticketed) return ticketed.id;
    const order = escalation.order_number;
    if (!order || !escalation.customer_id) return null;
    const candidates = await this.sql.all<{ id: string; state: string }>(`SELECT id, state FROM assistant_conversations WHERE handoff <> 'none' AND created_at <= ?
      AND lower(state) LIKE ? ORDER BY updated_at DESC`, [escalation.created_at, `%${order.toLowerCase()}%`]);
    // verifiedOrder is set only once the shopper proved they own that order (email + order number).
    return candidates.find((row) => parse<ConversationState>(row.state)?.verifiedOrder === order)?.id ?? null;
  }

  async conversationStats(from: string, to: string): Promise<{ conversations: number; handed_off: number; daily: Map<string, number> }> {
    if (!await this.has('assistant_conversations')) return { conversations: 0, handed_off: 0, daily: new Map() };
    const rows = await this.sql.all<{ day: string; count: number; handed_off: number }>(`SELECT substr(created_at, 1, 10) AS day, COUNT(*) AS count,
      SUM(CASE WHEN handoff <> 'none' THEN 1 ELSE 0 END) AS handed_off
      FROM assistant_conversations WHERE created_at >= ? AND created_at < ? GROUP BY substr(created_at, 1, 10)`, [from, to]);
    return {
      conversations: rows.reduce((sum, row) => sum + Number(row.count), 0),
      handed_off: rows.reduce((sum, row) => sum + Number(row.handed_off), 0),
      daily: new Map(rows.map((row) => [row.day, Number(row.count)])),
    };
  }

  /**
   * Shopper questions the assistant answered with "I don't know" (English or French): the shopper
   * message just before each such reply.
   */
  async unansweredQuestions(from: string, to: string): Promise<Array<{ text: string; at: string }>> {
    if (!await this.has('assistant_messages')) return [];
    // lower() on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
    return this.sql.all<{ text: string; at: string }>(`SELECT shopper.text AS text, shopper.created_at AS at FROM assistant_messages reply
      JOIN assistant_messages shopper ON shopper.conversation_id = reply.conversation_id AND shopper.seq = (
        SELECT MAX(seq) FROM assistant_messages WHERE conversation_id = reply.conversation_id AND seq < reply.seq AND role = 'shopper')
      WHERE reply.role = 'assistant' AND reply.created_at >= ? AND reply.created_at < ?
        AND (lower(reply.text) LIKE '%i don''t know the answer%' OR lower(reply.text) LIKE '%je ne trouve pas la réponse%')
        AND shopper.text NOT LIKE '[%'
      ORDER BY shopper.created_at`, [from, to]);
  }

  /** Checkouts opened from chat, and how many of them were paid. */
  async checkoutConversions(from: string, to: string): Promise<{ opened: number; completed: number }> {
    if (!await this.has('assistant_messages')) return { opened: 0, completed: 0 };
    const rows = await this.sql.all<{ events: string }>("SELECT events FROM assistant_messages WHERE events LIKE '%checkout-created%' AND created_at >= ? AND created_at < ?", [from, to]);
    const ids = [...new Set(rows.flatMap((row) => (parse<Array<{ type?: string; checkout_id?: string }>>(row.events) ?? [])
      .filter((event) => event?.type === 'checkout-created' && typeof event.checkout_id === 'string').map((event) => event.checkout_id!)))];
    if (ids.length === 0) return { opened: 0, completed: 0 };
    const columns = await this.columns('checkout_sessions');
    if (!columns.includes('id') || !columns.includes('status')) return { opened: ids.length, completed: 0 };
    let completed = 0;
    for (let start = 0; start < ids.length; start += 500) {
      const chunk = ids.slice(start, start + 500);
      const row = await this.sql.get<{ count: number }>(`SELECT COUNT(*) AS count FROM checkout_sessions WHERE status = 'completed' AND id IN (${placeholders(chunk)})`, chunk);
      completed += Number(row?.count ?? 0);
    }
    return { opened: ids.length, completed };
  }

  /** Executed post-sale actions by kind, and the orders they touched (for refund amounts). */
  async orderActions(from: string, to: string): Promise<Array<{ action: string; order_number: string; at: string }>> {
    if (!await this.has('audit_log')) return [];
    return this.sql.all(`SELECT action, subject_id AS order_number, at FROM audit_log WHERE subject_type = 'order' AND action LIKE 'order.%' AND at >= ? AND at < ? ORDER BY id`, [from, to]);
  }

  async escalationsCreated(from: string, to: string): Promise<Array<{ category: string; day: string }>> {
    if (!await this.has('escalations')) return [];
    return this.sql.all('SELECT category, substr(created_at, 1, 10) AS day FROM escalations WHERE created_at >= ? AND created_at < ?', [from, to]);
  }
}

import type { SqliteDb } from '../../platform/index.ts';

/**
 * Read-only reporting queries for the console across the tables of several capabilities
 * (conversations, escalations, audit log, checkout). They only read, and each checks that its
 * table exists, so the console works whichever capabilities a build includes. Writes always go
 * through the capabilities themselves.
 */
export class ConsoleReadModel {
  constructor(private readonly db: SqliteDb) {}

  private has(table: string): boolean {
    return this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
  }

  /**
   * The widget conversation an escalation came from: the one whose state names it as its ticket,
   * else the one its summary names, else the most recent handed-off conversation verified for the
   * same order (a held action escalates from inside the conversation without naming it).
   */
  conversationOf(escalation: { id: string; summary: string; order_number: string | null; created_at: string }): string | null {
    if (!this.has('assistant_conversations')) return null;
    const byTicket = this.db.prepare("SELECT id FROM assistant_conversations WHERE json_extract(state, '$.ticketId') = ? ORDER BY created_at DESC LIMIT 1").get(escalation.id) as { id: string } | undefined;
    if (byTicket) return byTicket.id;
    const named = /Conversation: (conv_[\w-]+)/.exec(escalation.summary)?.[1];
    if (named && this.db.prepare('SELECT 1 FROM assistant_conversations WHERE id = ?').get(named)) return named;
    if (!escalation.order_number) return null;
    const byOrder = this.db.prepare(`SELECT id FROM assistant_conversations WHERE handoff <> 'none' AND created_at <= @at
      AND (json_extract(state, '$.verifiedOrder') = @order OR json_extract(state, '$.slots.orderNumber') = @order) ORDER BY updated_at DESC LIMIT 1`)
      .get({ at: escalation.created_at, order: escalation.order_number }) as { id: string } | undefined;
    return byOrder?.id ?? null;
  }

  conversationStats(from: string, to: string): { conversations: number; handed_off: number; daily: Map<string, number> } {
    if (!this.has('assistant_conversations')) return { conversations: 0, handed_off: 0, daily: new Map() };
    const rows = this.db.prepare(`SELECT substr(created_at, 1, 10) AS day, COUNT(*) AS count, SUM(CASE WHEN handoff <> 'none' THEN 1 ELSE 0 END) AS handed_off
      FROM assistant_conversations WHERE created_at >= ? AND created_at < ? GROUP BY day`).all(from, to) as Array<{ day: string; count: number; handed_off: number }>;
    return {
      conversations: rows.reduce((sum, row) => sum + row.count, 0),
      handed_off: rows.reduce((sum, row) => sum + row.handed_off, 0),
      daily: new Map(rows.map((row) => [row.day, row.count])),
    };
  }

  /**
   * Shopper questions the assistant answered with "I don't know" (English or French): the shopper
   * message just before each such reply.
   */
  unansweredQuestions(from: string, to: string): Array<{ text: string; at: string }> {
    if (!this.has('assistant_messages')) return [];
    return this.db.prepare(`SELECT shopper.text AS text, shopper.created_at AS at FROM assistant_messages reply
      JOIN assistant_messages shopper ON shopper.conversation_id = reply.conversation_id AND shopper.seq = (
        SELECT MAX(seq) FROM assistant_messages WHERE conversation_id = reply.conversation_id AND seq < reply.seq AND role = 'shopper')
      WHERE reply.role = 'assistant' AND reply.created_at >= ? AND reply.created_at < ?
        AND (reply.text LIKE '%I don''t know the answer%' OR reply.text LIKE '%Je ne trouve pas la réponse%')
        AND shopper.text NOT LIKE '[%'
      ORDER BY shopper.created_at`).all(from, to) as Array<{ text: string; at: string }>;
  }

  /** Checkouts opened from chat, and how many of them were paid. */
  checkoutConversions(from: string, to: string): { opened: number; completed: number } {
    if (!this.has('assistant_messages')) return { opened: 0, completed: 0 };
    const ids = (this.db.prepare(`SELECT DISTINCT json_extract(event.value, '$.checkout_id') AS id FROM assistant_messages, json_each(assistant_messages.events) AS event
      WHERE json_extract(event.value, '$.type') = 'checkout-created' AND created_at >= ? AND created_at < ?`).all(from, to) as Array<{ id: string | null }>)
      .map((row) => row.id).filter((id): id is string => Boolean(id));
    if (ids.length === 0 || !this.has('checkout_sessions')) return { opened: ids.length, completed: 0 };
    const columns = (this.db.prepare('PRAGMA table_info(checkout_sessions)').all() as Array<{ name: string }>).map((column) => column.name);
    if (!columns.includes('id') || !columns.includes('status')) return { opened: ids.length, completed: 0 };
    const completed = this.db.prepare("SELECT COUNT(*) AS count FROM checkout_sessions WHERE status = 'completed' AND id IN (SELECT value FROM json_each(?))").get(JSON.stringify(ids)) as { count: number };
    return { opened: ids.length, completed: completed.count };
  }

  /** Executed post-sale actions by kind, and the orders they touched (for refund amounts). */
  orderActions(from: string, to: string): Array<{ action: string; order_number: string; at: string }> {
    if (!this.has('audit_log')) return [];
    return this.db.prepare(`SELECT action, subject_id AS order_number, at FROM audit_log WHERE subject_type = 'order' AND action LIKE 'order.%' AND at >= ? AND at < ? ORDER BY id`)
      .all(from, to) as Array<{ action: string; order_number: string; at: string }>;
  }

  escalationsCreated(from: string, to: string): Array<{ category: string; day: string }> {
    if (!this.has('escalations')) return [];
    return this.db.prepare('SELECT category, substr(created_at, 1, 10) AS day FROM escalations WHERE created_at >= ? AND created_at < ?').all(from, to) as Array<{ category: string; day: string }>;
  }
}

import { newId, type Clock, type SqlDb } from '../platform/index.ts';
import type { ChatEvent, ConversationState, HandoffStatus, Locale } from './types.ts';

export type MessageRole = 'shopper' | 'assistant' | 'agent' | 'system';

export interface StoredMessage {
  seq: number; id: string; role: MessageRole; author: string | null; text: string; events: ChatEvent[]; created_at: string;
}

export interface ConversationRecord { id: string; state: ConversationState; created_at: string; updated_at: string }

export function freshState(locale: Locale): ConversationState {
  return { locale, slots: {}, lastProducts: [], handoff: 'none', misses: 0 };
}

/** Two writers picked the same seq; (conversation_id, seq) is the primary key, so one of them retries. */
function isDuplicateSeq(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * Conversations and their messages, on SQLite or PostgreSQL. `appendAgentReply` is how the
 * support console writes a human's reply into a conversation; the widget picks it up by polling.
 */
export class ConversationStore {
  constructor(private readonly db: SqlDb, private readonly clock: Clock) {}

  async create(locale: Locale, origin: string | null): Promise<ConversationRecord> {
    const id = newId('conv');
    const now = this.clock.now().toISOString();
    const state = freshState(locale);
    await this.db.run('INSERT INTO assistant_conversations (id, locale, state, handoff, ticket_id, origin, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [id, locale, JSON.stringify(state), state.handoff, null, origin, now, now]);
    return { id, state, created_at: now, updated_at: now };
  }

  async get(id: string): Promise<ConversationRecord | null> {
    const row = await this.db.get<{ id: string; state: string; created_at: string; updated_at: string }>('SELECT id, state, created_at, updated_at FROM assistant_conversations WHERE id = ?', [id]);
    return row ? { ...row, state: JSON.parse(row.state) as ConversationState } : null;
  }

  async saveState(id: string, state: ConversationState): Promise<void> {
    await this.db.run('UPDATE assistant_conversations SET state = ?, locale = ?, handoff = ?, ticket_id = ?, updated_at = ? WHERE id = ?',
      [JSON.stringify(state), state.locale, state.handoff, state.ticketId ?? null, this.clock.now().toISOString(), id]);
  }

  /**
   * Appends with the next seq in one statement (atomic on SQLite, and no transaction held across
   * connections). Two replicas appending at once on PostgreSQL may both read the same MAX(seq);
   * the primary key refuses the second, which retries with the next number.
   */
  async append(conversationId: string, role: MessageRole, text: string, events: ChatEvent[] = [], author: string | null = null): Promise<StoredMessage> {
    const id = newId('msg');
    const created_at = this.clock.now().toISOString();
    for (let attempt = 1; ; attempt++) {
      try {
        const row = await this.db.get<{ seq: number }>(`INSERT INTO assistant_messages (conversation_id, seq, id, role, author, text, events, created_at)
          SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ?, ?, ?, ? FROM assistant_messages WHERE conversation_id = ? RETURNING seq`,
        [conversationId, id, role, author, text, JSON.stringify(events), created_at, conversationId]);
        return { seq: Number(row!.seq), id, role, author, text, events, created_at };
      } catch (error) {
        if (!isDuplicateSeq(error) || attempt >= 20) throw error;
      }
    }
  }

  async messages(conversationId: string, afterSeq = 0): Promise<StoredMessage[]> {
    const rows = await this.db.all<Omit<StoredMessage, 'events'> & { events: string }>(
      'SELECT seq, id, role, author, text, events, created_at FROM assistant_messages WHERE conversation_id = ? AND seq > ? ORDER BY seq', [conversationId, afterSeq]);
    return rows.map((row) => ({ ...row, events: JSON.parse(row.events) as ChatEvent[] }));
  }

  /** A support agent's reply (the console calls this); the conversation is now owned by a human. */
  async appendAgentReply(conversationId: string, text: string, agent: string): Promise<StoredMessage> {
    if (!(await this.setHandoff(conversationId, 'human'))) throw new Error(`No conversation ${conversationId}`);
    return this.append(conversationId, 'agent', text, [], agent);
  }

  /** Read-modify-write of the state under the row lock, so a concurrent handoff change is not lost. Returns false when there is no such conversation. */
  async setHandoff(conversationId: string, status: HandoffStatus, ticketId?: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const row = await tx.get<{ state: string }>(`SELECT state FROM assistant_conversations WHERE id = ?${tx.forUpdate}`, [conversationId]);
      if (!row) return false;
      const state = JSON.parse(row.state) as ConversationState;
      state.handoff = status;
      if (ticketId) state.ticketId = ticketId;
      await tx.run('UPDATE assistant_conversations SET state = ?, handoff = ?, ticket_id = ?, updated_at = ? WHERE id = ?',
        [JSON.stringify(state), state.handoff, state.ticketId ?? null, this.clock.now().toISOString(), conversationId]);
      return true;
    });
  }
}

import { newId, type Clock, type SqliteDb } from '../platform/index.ts';
import type { ChatEvent, ConversationState, HandoffStatus, Locale } from './types.ts';

export type MessageRole = 'shopper' | 'assistant' | 'agent' | 'system';

export interface StoredMessage {
  seq: number; id: string; role: MessageRole; author: string | null; text: string; events: ChatEvent[]; created_at: string;
}

export interface ConversationRecord { id: string; state: ConversationState; created_at: string; updated_at: string }

export function freshState(locale: Locale): ConversationState {
  return { locale, slots: {}, lastProducts: [], handoff: 'none', misses: 0 };
}

/**
 * SQLite storage for conversations and their messages. `appendAgentReply` is how the support
 * console writes a human's reply into a conversation; the widget picks it up by polling.
 */
export class ConversationStore {
  constructor(private readonly db: SqliteDb, private readonly clock: Clock) {}

  create(locale: Locale, origin: string | null): ConversationRecord {
    const id = newId('conv');
    const now = this.clock.now().toISOString();
    const state = freshState(locale);
    this.db.prepare('INSERT INTO assistant_conversations (id, locale, state, handoff, origin, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, locale, JSON.stringify(state), state.handoff, origin, now, now);
    return { id, state, created_at: now, updated_at: now };
  }

  get(id: string): ConversationRecord | null {
    const row = this.db.prepare('SELECT id, state, created_at, updated_at FROM assistant_conversations WHERE id = ?').get(id) as
      { id: string; state: string; created_at: string; updated_at: string } | undefined;
    return row ? { ...row, state: JSON.parse(row.state) as ConversationState } : null;
  }

  saveState(id: string, state: ConversationState): void {
    this.db.prepare('UPDATE assistant_conversations SET state = ?, locale = ?, handoff = ?, updated_at = ? WHERE id = ?')
      .run(JSON.stringify(state), state.locale, state.handoff, this.clock.now().toISOString(), id);
  }

  append(conversationId: string, role: MessageRole, text: string, events: ChatEvent[] = [], author: string | null = null): StoredMessage {
    const id = newId('msg');
    const created_at = this.clock.now().toISOString();
    const insert = this.db.transaction(() => {
      const { next } = this.db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM assistant_messages WHERE conversation_id = ?').get(conversationId) as { next: number };
      this.db.prepare('INSERT INTO assistant_messages (conversation_id, seq, id, role, author, text, events, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(conversationId, next, id, role, author, text, JSON.stringify(events), created_at);
      return next;
    });
    return { seq: insert(), id, role, author, text, events, created_at };
  }

  messages(conversationId: string, afterSeq = 0): StoredMessage[] {
    const rows = this.db.prepare('SELECT seq, id, role, author, text, events, created_at FROM assistant_messages WHERE conversation_id = ? AND seq > ? ORDER BY seq')
      .all(conversationId, afterSeq) as Array<Omit<StoredMessage, 'events'> & { events: string }>;
    return rows.map((row) => ({ ...row, events: JSON.parse(row.events) as ChatEvent[] }));
  }

  /** A support agent's reply (the console calls this); the conversation is now owned by a human. */
  appendAgentReply(conversationId: string, text: string, agent: string): StoredMessage {
    const record = this.get(conversationId);
    if (!record) throw new Error(`No conversation ${conversationId}`);
    this.setHandoff(conversationId, 'human');
    return this.append(conversationId, 'agent', text, [], agent);
  }

  setHandoff(conversationId: string, status: HandoffStatus, ticketId?: string): void {
    const record = this.get(conversationId);
    if (!record) return;
    record.state.handoff = status;
    if (ticketId) record.state.ticketId = ticketId;
    this.saveState(conversationId, record.state);
  }
}

import type { Migration } from '../platform/index.ts';

/** Conversation memory lives in the database so any replica can resume any conversation. */
export const assistantMigrations: Migration[] = [
  {
    id: 'assistant/001-conversations',
    sqlite: `
      CREATE TABLE assistant_conversations (
        id TEXT PRIMARY KEY,
        locale TEXT NOT NULL,
        state TEXT NOT NULL,
        handoff TEXT NOT NULL DEFAULT 'none',
        origin TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE assistant_messages (
        conversation_id TEXT NOT NULL REFERENCES assistant_conversations(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        id TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('shopper', 'assistant', 'agent', 'system')),
        author TEXT,
        text TEXT NOT NULL,
        events TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        PRIMARY KEY (conversation_id, seq)
      );
    `,
    postgres: `
      CREATE TABLE assistant_conversations (
        id TEXT PRIMARY KEY,
        locale TEXT NOT NULL,
        state TEXT NOT NULL,
        handoff TEXT NOT NULL DEFAULT 'none',
        origin TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE assistant_messages (
        conversation_id TEXT NOT NULL REFERENCES assistant_conversations(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        id TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('shopper', 'assistant', 'agent', 'system')),
        author TEXT,
        text TEXT NOT NULL,
        events TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        PRIMARY KEY (conversation_id, seq)
      );
    `,
  },
  // The console finds a hand-off's conversation by ticket: a real column instead of a JSON lookup, portable to PostgreSQL.
  {
    id: 'assistant/002-ticket-id',
    sqlite: `
      ALTER TABLE assistant_conversations ADD COLUMN ticket_id TEXT;
      UPDATE assistant_conversations SET ticket_id = json_extract(state, '$.ticketId');
      CREATE INDEX assistant_conversations_ticket ON assistant_conversations (ticket_id);
    `,
    postgres: `
      ALTER TABLE assistant_conversations ADD COLUMN ticket_id TEXT;
      CREATE INDEX assistant_conversations_ticket ON assistant_conversations (ticket_id);
    `,
  },
];

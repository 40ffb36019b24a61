import type { Migration } from '../platform/index.ts';

export const escalationsMigrations: Migration[] = [{
  id: 'escalations/001-escalations-held-actions-outbox',
  sqlite: `
    CREATE TABLE escalations (
      id TEXT PRIMARY KEY,
      source_key TEXT NOT NULL UNIQUE,
      status TEXT NOT NULL CHECK (status IN ('open', 'claimed', 'waiting_on_customer', 'resolved')),
      priority TEXT NOT NULL,
      category TEXT NOT NULL,
      reason TEXT NOT NULL,
      summary TEXT NOT NULL,
      transcript TEXT NOT NULL,
      customer_id TEXT,
      order_number TEXT,
      held_action_id TEXT,
      channel TEXT NOT NULL,
      assignee TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX escalations_queue ON escalations(status, priority, created_at);
    CREATE TABLE held_actions (
      id TEXT PRIMARY KEY,
      source_key TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL,
      order_number TEXT NOT NULL,
      customer_id TEXT NOT NULL,
      input TEXT NOT NULL,
      preview TEXT NOT NULL,
      reason TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'denied', 'executed', 'failed')),
      escalation_id TEXT,
      decided_by TEXT,
      decided_at TEXT,
      result TEXT,
      created_at TEXT NOT NULL
    );
    -- One open held action per order: 50 parallel contested returns hold once.
    CREATE UNIQUE INDEX held_actions_one_open ON held_actions(order_number) WHERE status IN ('pending', 'approved');
    -- Durable outbox: events are written with the change and delivered (and retried) afterwards.
    CREATE TABLE webhook_outbox (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      event_id TEXT NOT NULL UNIQUE,
      type TEXT NOT NULL,
      payload TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT NOT NULL,
      locked_until TEXT,
      last_error TEXT,
      created_at TEXT NOT NULL,
      delivered_at TEXT
    );
    CREATE INDEX webhook_outbox_due ON webhook_outbox(status, next_attempt_at);
  `,
  // The same schema; the outbox id is an identity column (delivery order).
  postgres: `
    CREATE TABLE escalations (
      id TEXT PRIMARY KEY,
      source_key TEXT NOT NULL UNIQUE,
      status TEXT NOT NULL CHECK (status IN ('open', 'claimed', 'waiting_on_customer', 'resolved')),
      priority TEXT NOT NULL,
      category TEXT NOT NULL,
      reason TEXT NOT NULL,
      summary TEXT NOT NULL,
      transcript TEXT NOT NULL,
      customer_id TEXT,
      order_number TEXT,
      held_action_id TEXT,
      channel TEXT NOT NULL,
      assignee TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX escalations_queue ON escalations(status, priority, created_at);
    CREATE TABLE held_actions (
      id TEXT PRIMARY KEY,
      source_key TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL,
      order_number TEXT NOT NULL,
      customer_id TEXT NOT NULL,
      input TEXT NOT NULL,
      preview TEXT NOT NULL,
      reason TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'denied', 'executed', 'failed')),
      escalation_id TEXT,
      decided_by TEXT,
      decided_at TEXT,
      result TEXT,
      created_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX held_actions_one_open ON held_actions(order_number) WHERE status IN ('pending', 'approved');
    CREATE TABLE webhook_outbox (
      id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      event_id TEXT NOT NULL UNIQUE,
      type TEXT NOT NULL,
      payload TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT NOT NULL,
      locked_until TEXT,
      last_error TEXT,
      created_at TEXT NOT NULL,
      delivered_at TEXT
    );
    CREATE INDEX webhook_outbox_due ON webhook_outbox(status, next_attempt_at);
  `,
}, {
  // The conversation an escalation was raised from, recorded at creation: the console delivers
  // replies there and nowhere else (guessing by order number reached strangers).
  id: 'escalations/002-conversation-id',
  sqlite: 'ALTER TABLE escalations ADD COLUMN conversation_id TEXT;',
  postgres: 'ALTER TABLE escalations ADD COLUMN conversation_id TEXT;',
}];

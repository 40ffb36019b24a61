import type { Money } from '../../platform/index.ts';

/**
 * What the support console needs from the rest of Shopkeeper, in the console's own words. The
 * console surface only talks to this port; `createConsoleBackend` implements it over the
 * escalations, orders, knowledge and assistant capabilities, and tests can hand in their own.
 */
export const ESCALATION_STATUSES = ['open', 'claimed', 'waiting_on_customer', 'resolved'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];
export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Who acts in the console; every change the backend makes is attributed to them. */
export interface ConsoleActor { id: string; email: string; role: 'agent' | 'admin' }

export interface Citation { title: string; url: string }

export interface EscalationSummary {
  id: string;
  status: EscalationStatus;
  priority: Priority;
  /** Reason category (refund_approval, policy_exception, human_requested, ...). */
  reason: string;
  summary: string;
  customer_name: string | null;
  order_number: string | null;
  assignee: { id: string; email: string } | null;
  has_held_action: boolean;
  created_at: string;
  updated_at: string;
}

export interface EscalationFilter {
  status?: EscalationStatus[];
  priority?: Priority[];
  reason?: string;
  /** Only escalations created at least this many minutes ago (SLA triage). */
  minAgeMinutes?: number;
  /** Only escalations changed after this instant (the live stream's cursor). */
  updatedAfter?: string;
  /** Paging: at most `limit` rows (default 500) after skipping `offset`. */
  limit?: number;
  offset?: number;
}

export interface TranscriptEntry {
  role: 'shopper' | 'assistant' | 'support_agent' | 'system';
  text: string;
  at: string;
  author?: string;
  citations?: Citation[];
}

export interface HeldAction {
  id: string;
  kind: string;
  status: 'pending' | 'approved' | 'denied' | 'failed';
  /** What approving will do, exactly as previewed to the shopper. */
  preview: { summary: string; lines: string[]; amount: Money | null };
  policy: { rule: string; citation: Citation | null };
  decided_by?: string | null;
  outcome?: string | null;
}

export interface OrderView {
  number: string;
  status: string;
  created_at: string;
  total: Money;
  items: Array<{ title: string; quantity: number; unit_price: number }>;
  payments: Array<{ kind: 'charge' | 'refund'; amount: number; method: string; at: string }>;
  fulfillments: Array<{ carrier: string; tracking_number: string; status: string }>;
  /** Earlier orders of the same customer, newest first. */
  history: Array<{ number: string; status: string; created_at: string; total: Money }>;
  /** The RMA of a return or exchange whose parcel has not arrived yet (the console can mark it received). */
  awaiting_parcel: string | null;
}

export interface EscalationDetail extends EscalationSummary {
  conversation_id: string | null;
  transcript: TranscriptEntry[];
  customer: { id: string; name: string; email: string; verified_by: string | null } | null;
  order: OrderView | null;
  held_action: HeldAction | null;
  suggested_reply: { text: string; citations: Citation[] } | null;
  notes: Array<{ author: string; text: string; at: string }>;
}

export interface Insights {
  from: string;
  to: string;
  currency: string;
  conversations: number;
  /** Conversations that ended without a human. */
  resolved_without_human: number;
  escalations: number;
  escalation_reasons: Record<string, number>;
  actions: { returns: number; cancellations: number; exchanges: number; refunds: number; refunded_amount: number };
  checkout_conversions: number;
  /** One point per day, for the chart. */
  daily: Array<{ day: string; conversations: number; escalations: number }>;
  /** Shopper questions the assistant could not answer from the help center. */
  unanswered_questions: Array<{ text: string; at: string }>;
}

export type ReplyDelivery = 'live' | 'stored';

export interface ConsoleBackend {
  listEscalations(filter: EscalationFilter): Promise<EscalationSummary[]>;
  getEscalation(id: string): Promise<EscalationDetail | null>;
  claim(id: string, actor: ConsoleActor): Promise<void>;
  unassign(id: string, actor: ConsoleActor): Promise<void>;
  /** Executes exactly the previewed held action; returns what happened, in words. */
  approve(id: string, actor: ConsoleActor): Promise<string>;
  deny(id: string, actor: ConsoleActor, reason: string): Promise<void>;
  reply(id: string, actor: ConsoleActor, text: string): Promise<ReplyDelivery>;
  note(id: string, actor: ConsoleActor, text: string): Promise<void>;
  resolve(id: string, actor: ConsoleActor): Promise<void>;
  /** The return parcel of the escalation's order arrived: settles its refund or difference once; returns what happened. */
  receiveReturn(id: string, actor: ConsoleActor): Promise<string>;
  insights(range: { from: string; to: string }): Promise<Insights>;
}

import { z } from 'zod';

export const ESCALATION_STATUSES = ['open', 'claimed', 'waiting_on_customer', 'resolved'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
/** Why a conversation reached a person; the console groups its queue by these. */
export const CATEGORIES = ['approval_required', 'customer_request', 'out_of_scope', 'policy_exception', 'payment_problem', 'damaged_or_missing', 'complaint', 'sensitive_topic', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

export const transcriptSchema = z.array(z.object({
  role: z.enum(['shopper', 'assistant', 'support_agent', 'system']),
  text: z.string().max(8000),
  at: z.string().optional(),
})).max(200);
export type Transcript = z.output<typeof transcriptSchema>;

export interface Escalation {
  id: string;
  status: EscalationStatus;
  priority: Priority;
  category: Category;
  reason: string;
  summary: string;
  transcript: Transcript;
  customer_id: string | null;
  order_number: string | null;
  held_action_id: string | null;
  /** The widget conversation it was raised from, when there was one. */
  conversation_id: string | null;
  channel: string;
  assignee: string | null;
  created_at: string;
  updated_at: string;
}

export interface NewEscalation {
  /** Same key, same escalation: a retried hand-off never opens two tickets. */
  source_key: string;
  priority: Priority;
  category: Category;
  reason: string;
  summary: string;
  transcript?: Transcript;
  customer_id?: string | null;
  order_number?: string | null;
  held_action_id?: string | null;
  conversation_id?: string | null;
  channel: string;
}

export const HELD_STATUSES = ['pending', 'approved', 'denied', 'executed', 'failed'] as const;
export type HeldStatus = (typeof HELD_STATUSES)[number];

/** An action the policy sent to a person; `input` is replayed verbatim on approval. */
export interface HeldAction {
  id: string;
  source_key: string;
  kind: string;
  order_number: string;
  customer_id: string;
  input: Record<string, unknown>;
  /** The preview the shopper confirmed: approving must reproduce exactly this. */
  preview: Record<string, unknown>;
  reason: string;
  status: HeldStatus;
  escalation_id: string | null;
  decided_by: string | null;
  decided_at: string | null;
  result: unknown;
  created_at: string;
}

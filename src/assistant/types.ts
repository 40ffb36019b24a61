/**
 * The conversation engine's vocabulary. The engine talks to the outside world only through a
 * ToolRunner (built from the tool registry by the composition root) and an event sink, so this
 * capability imports no other capability.
 */

export type Locale = 'en' | 'fr';

export interface Citation { n: number; title: string; url: string; snippet?: string }

export interface ProductCard {
  id: string; title: string; url: string | null; image: string | null; currency: string;
  price: number; in_stock: boolean; variant_id: string | null; description?: string;
  /** Variant titles (sizes, colours) as the catalog names them. */
  variants?: string[];
}

export interface ActionPreview { id: string; tool: string; summary: string; details: string[] }

export type HandoffStatus = 'none' | 'offered' | 'requested' | 'human';

/** Typed events streamed to the widget (SSE `event:` names are these `type`s, noun-then-verb). */
export type ChatEvent =
  | { type: 'conversation-started'; conversation_id: string; locale: Locale; resumed: boolean }
  | { type: 'text-delta'; text: string }
  | { type: 'citations'; citations: Citation[] }
  | { type: 'product-cards'; products: ProductCard[] }
  | { type: 'action-preview'; preview: ActionPreview }
  | { type: 'action-result'; tool: string; ok: boolean; summary: string }
  | { type: 'checkout-created'; checkout_id: string; continue_url: string; total?: number; currency?: string }
  | { type: 'order-status'; order: { number: string; status: string; tracking: Array<{ carrier: string; number: string; url: string | null }> } }
  | { type: 'handoff-status'; status: HandoffStatus; ticket_id?: string }
  | { type: 'agent-message'; text: string; agent: string; seq: number }
  | { type: 'error-occurred'; code: string; message: string }
  | { type: 'message-end'; message_id: string; seq: number };

export type EventSink = (event: ChatEvent) => void;

/** What the shopper sent: free text, or a button press from a card/preview in the widget. */
export interface TurnInput {
  text?: string;
  action?: { type: 'confirm' | 'cancel' | 'buy' | 'handoff'; preview_id?: string; variant_id?: string };
}

export type ToolResult =
  | { ok: true; output: unknown }
  | { ok: false; error: { code: string; message: string; rule?: string; article?: string; fix?: string } };

export interface ToolSpec { name: string; description: string; parameters: Record<string, unknown>; readOnly: boolean }

/** The registry as the engine sees it; `call` validates input against the tool's schema. */
export interface ToolRunner {
  has(name: string): boolean;
  call(name: string, input: Record<string, unknown>): Promise<ToolResult>;
  specs(): ToolSpec[];
}

export type TaskIntent = 'order_status' | 'cancel' | 'return' | 'exchange';

export interface PendingAction { id: string; tool: string; input: Record<string, unknown>; summary: string; intent: TaskIntent }

/** Everything the engine remembers between turns; stored as JSON next to the conversation. */
export interface ConversationState {
  locale: Locale;
  /** Set once the customer is verified; never sent to the browser or the model. */
  customerToken?: string;
  verifiedOrder?: string;
  slots: { email?: string; orderNumber?: string; firstName?: string; lastName?: string; postalCode?: string; items?: string[]; reason?: string };
  task?: { intent: TaskIntent; awaiting?: 'identity' | 'items' | 'confirm' };
  pending?: PendingAction;
  lastProducts: ProductCard[];
  handoff: HandoffStatus;
  ticketId?: string;
  /** Consecutive turns the engine could not help; two in a row offers a human. */
  misses: number;
}

export interface MerchantInfo { name: string; url: string; supportEmail: string; locales: string[] }

export interface TurnContext {
  conversationId: string;
  state: ConversationState;
  input: TurnInput;
  /** Earlier messages, oldest first, for brains that need them (the LLM). */
  history: Array<{ role: 'shopper' | 'assistant' | 'agent'; text: string }>;
  tools: ToolRunner;
  merchant: MerchantInfo;
  emit: EventSink;
  signal?: AbortSignal;
}

/** A brain answers one shopper turn by emitting events and mutating `state`. */
export interface Brain {
  readonly name: string;
  respond(turn: TurnContext): Promise<void>;
}

/**
 * The protocol-neutral checkout model. Field names follow ACP where ACP is clear (line_one,
 * state, postal_code) because every protocol we speak uses a close cousin of them; version
 * adapters in src/surfaces translate the rest. Money is integer minor units.
 */
export const SESSION_STATUSES = [
  'not_ready_for_payment', 'ready_for_payment', 'authentication_required', 'complete_in_progress', 'completed', 'canceled', 'expired',
] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export interface Address {
  name: string;
  line_one: string;
  line_two?: string;
  city: string;
  state: string;
  country: string;
  postal_code: string;
}

export interface Buyer {
  email?: string;
  first_name?: string;
  last_name?: string;
  phone_number?: string;
}

export interface Contact {
  name?: string;
  phone_number?: string;
  email?: string;
}

/** What the checkout needs to know about a sellable thing; the catalog answers through a port. */
export interface ItemFacts {
  /** The id a client sends back (variant id). */
  id: string;
  sku: string;
  product_id: string;
  variant_id: string;
  title: string;
  unit_amount: number;
  image: string | null;
  url: string | null;
  requires_shipping: boolean;
  taxable: boolean;
  /** null: sells past zero (backorder). */
  available: number | null;
}

export interface SessionLine {
  id: string;
  item: ItemFacts;
  quantity: number;
  base_amount: number;
  discount: number;
  subtotal: number;
  tax: number;
  total: number;
  availability: 'in_stock' | 'low_stock' | 'out_of_stock' | 'backorder';
}

export type MessageSeverity = 'info' | 'low' | 'medium' | 'high' | 'critical';

/** A business problem shown on a 2xx session (never an HTTP error). `code` uses ACP's vocabulary. */
export interface Message {
  type: 'info' | 'warning' | 'error';
  code?: string;
  /** JSONPath into the request or session, e.g. `$.line_items[0]`. */
  param?: string;
  content: string;
}

export interface FulfillmentOption {
  type: 'shipping' | 'pickup';
  id: string;
  title: string;
  description?: string;
  amount: number;
  tax: number;
  earliest_delivery_time: string;
  latest_delivery_time: string;
  pickup_location?: { name: string; address: Address };
}

export interface AppliedDiscount {
  code: string;
  kind: 'percent' | 'fixed';
  value: number;
  amount: number;
  description?: string;
  /** Amount given to each line, same order as line_items. */
  allocations: number[];
}

export interface RejectedDiscount {
  code: string;
  reason: 'discount_code_invalid' | 'discount_code_minimum_not_met' | 'discount_code_combination_disallowed';
  message: string;
}

export interface Totals {
  items_base_amount: number;
  items_discount: number;
  subtotal: number;
  fulfillment: number;
  tax: number;
  total: number;
}

export interface OrderRef {
  id: string;
  number: string;
  permalink_url: string;
  charge_id: string;
  created_at: string;
}

/** A requested line before pricing: what the client sent. */
export interface RequestedLine {
  id: string;
  quantity: number;
}

export interface CheckoutSession {
  id: string;
  /** The agent platform (or channel) that created it: idempotency scope, webhooks. */
  owner: string;
  status: SessionStatus;
  currency: string;
  requested: RequestedLine[];
  line_items: SessionLine[];
  buyer: Buyer | null;
  contact: Contact | null;
  address: Address | null;
  selected_option_id: string | null;
  discount_codes: string[];
  applied_discounts: AppliedDiscount[];
  rejected_discounts: RejectedDiscount[];
  fulfillment_options: FulfillmentOption[];
  totals: Totals;
  messages: Message[];
  order_notes: string | null;
  /** Whether stock for line_items is currently held for this session. */
  reserved: boolean;
  order: OrderRef | null;
  /** Set when the payment provider asked for 3-D Secure. */
  authentication: { charge_id: string } | null;
  locale: string | null;
  /** Interventions the agent said it can handle (3ds, …); the reply is their intersection with ours. */
  interventions: string[];
  created_at: string;
  updated_at: string;
  expires_at: string;
  /** Anonymous callers' sessions hold stock only this long (ms); null or absent: until expiry. */
  hold_ttl_ms?: number | null;
  /** When the stock this session holds goes back if it is still unpaid. */
  hold_expires_at?: string | null;
  version: number;
}

/** Changes a client asks for; `undefined` leaves a field alone, `null` clears it. */
export interface SessionChanges {
  lines?: RequestedLine[];
  buyer?: Buyer | null;
  contact?: Contact | null;
  address?: Address | null;
  selected_option_id?: string | null;
  discount_codes?: string[];
  order_notes?: string | null;
  locale?: string | null;
  interventions?: string[];
}

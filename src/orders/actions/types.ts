import type { Policy } from '../../config/index.ts';
import type { Customer, LineItem, Order, OrderStatus, ReturnRequest } from '../types.ts';

export type ActionKind = 'cancel' | 'modify_address' | 'modify_payment' | 'modify_items' | 'return' | 'exchange' | 'receive_return';

/** A catalog variant as the planners need it; the flow looks these up (orders never reads the catalog). */
export interface VariantFacts {
  sku: string;
  product_id: string;
  title: string;
  variant_title: string;
  options: Record<string, string>;
  price: number;
  available: boolean;
  tags: string[];
}

export interface PlanContext {
  policy: Policy;
  now: Date;
  customer: Customer;
  /** Variants named by the request, by SKU. */
  variants: ReadonlyMap<string, VariantFacts>;
  /** Set when a support agent approved a held action: the hold rules no longer apply. */
  approved?: boolean;
}

/** A new payment-history entry. Entries are only ever appended. */
export interface PaymentDraft {
  kind: 'charge' | 'refund';
  method_id: string;
  amount: number;
  note: string;
  /** For refunds: the charge entry being refunded, so the provider refunds the right charge. */
  refund_of?: string;
}

/** Everything an action writes, computed from the order before any write happens. */
export interface OrderChange {
  status?: OrderStatus;
  items_modified?: true;
  cancel_reason?: string;
  shipping_address?: Order['shipping_address'];
  line_items?: LineItem[];
  subtotal?: number;
  total?: number;
  request?: ReturnRequest;
  payments: PaymentDraft[];
  /** Gift card and store credit balance changes (positive credits the balance). */
  balances: Array<{ method_id: string; delta: number }>;
}

export interface ActionPlan {
  action: ActionKind;
  order_number: string;
  customer_id: string;
  /** One sentence the assistant reads back before asking for confirmation. */
  summary: string;
  /** The policy rule that allows the action (dotted path in policy.yaml). */
  rule: string;
  /** Help article id that explains it. */
  article: string;
  /** Money involved, integer minor units; keys depend on the action. */
  amounts: Record<string, number>;
  currency: string;
  change: OrderChange;
  /** When set, the action needs a support agent's approval before it runs. */
  hold?: { reason: 'refund_over_threshold' | 'outside_window'; rule: string; article: string; message: string };
}

export type Planner<Input> = (order: Order, input: Input, context: PlanContext) => ActionPlan;

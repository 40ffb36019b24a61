import { z } from 'zod';

const minor = z.number().int().min(0);
const isoDate = z.string().datetime({ offset: true });

export const addressSchema = z.strictObject({
  id: z.string().min(1).optional(),
  name: z.string().min(1),
  line1: z.string().min(1),
  line2: z.string().default(''),
  city: z.string().min(1),
  region: z.string().default(''),
  postal_code: z.string().default(''),
  country: z.string().regex(/^[A-Z]{2}$/, 'use a 2-letter ISO country code such as US'),
  phone: z.string().optional(),
  default: z.boolean().optional(),
});

export const paymentMethodSchema = z.strictObject({
  id: z.string().min(1),
  type: z.enum(['card', 'paypal', 'gift_card', 'store_credit']),
  brand: z.string().optional(),
  last4: z.string().optional(),
  exp_month: z.number().int().min(1).max(12).optional(),
  exp_year: z.number().int().optional(),
  email: z.string().optional(),
  /** Spendable balance of a gift card or store credit, in minor units. */
  balance: minor.optional(),
});

export const customerSchema = z.strictObject({
  id: z.string().min(1),
  email: z.string().email(),
  first_name: z.string().min(1),
  last_name: z.string().min(1),
  phone: z.string().optional(),
  locale: z.string().default('en'),
  created_at: isoDate.optional(),
  addresses: z.array(addressSchema).default([]),
  payment_methods: z.array(paymentMethodSchema).default([]),
});

export const ORDER_STATUSES = ['pending', 'processing', 'shipped', 'delivered', 'cancelled', 'return_requested', 'exchange_requested'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const lineItemSchema = z.strictObject({
  id: z.string().min(1),
  sku: z.string().min(1),
  quantity: z.number().int().positive(),
  unit_price: minor,
  title: z.string().optional(),
});

export const paymentEntrySchema = z.strictObject({
  id: z.string().min(1),
  kind: z.enum(['charge', 'refund']),
  method_id: z.string().min(1),
  amount: minor,
  created_at: isoDate,
  note: z.string().optional(),
});

export const fulfillmentSchema = z.strictObject({
  id: z.string().min(1),
  carrier: z.string().min(1),
  tracking_number: z.string().min(1),
  tracking_url: z.string().url().optional(),
  status: z.enum(['label_created', 'in_transit', 'out_for_delivery', 'delivered', 'exception', 'returned']),
  shipped_at: isoDate.optional(),
  estimated_delivery: z.string().optional(),
  delivered_at: isoDate.optional(),
  line_items: z.array(z.object({ id: z.string(), quantity: z.number().int().positive() })).default([]),
});

export const orderFileSchema = z.strictObject({
  number: z.string().min(1),
  customer_id: z.string().min(1),
  status: z.enum(ORDER_STATUSES),
  currency: z.string().regex(/^[A-Z]{3}$/),
  created_at: isoDate,
  updated_at: isoDate.optional(),
  shipping_address: addressSchema.omit({ default: true, id: true }),
  line_items: z.array(lineItemSchema).min(1),
  shipping: z.strictObject({ method: z.string().min(1), price: minor }),
  discount: minor.default(0),
  tax: minor.default(0),
  payments: z.array(paymentEntrySchema).default([]),
  fulfillments: z.array(fulfillmentSchema).default([]),
  cancel_reason: z.string().optional(),
});

export type Address = z.output<typeof addressSchema>;
export type PaymentMethod = z.output<typeof paymentMethodSchema>;
export type CustomerInput = z.output<typeof customerSchema>;
export type OrderInput = z.output<typeof orderFileSchema>;
export type PaymentEntry = z.output<typeof paymentEntrySchema>;
export type Fulfillment = z.output<typeof fulfillmentSchema>;

export interface Customer extends Omit<CustomerInput, 'created_at'> {
  created_at: string;
  /**
   * Set on the record of an order placed through checkout: the buyer's email was never proven, so
   * the record holds that one order only and is never found by email or name.
   */
  guest?: true;
}

/** What the catalog knows about a SKU at import time, so an order line keeps its product facts. */
export interface SkuFacts {
  product_id: string;
  title: string;
  variant_title: string;
  options: Record<string, string>;
  tags: string[];
}

export interface LineItem {
  id: string;
  sku: string;
  product_id: string | null;
  title: string;
  variant_title: string;
  options: Record<string, string>;
  quantity: number;
  unit_price: number;
  /** Tagged final sale when bought (from the product's tags), so later tag edits don't change the rules. */
  tags: string[];
}

export interface Order {
  number: string;
  customer_id: string;
  status: OrderStatus;
  /** Items of a pending order can be swapped once; this records that it happened. */
  items_modified: boolean;
  currency: string;
  created_at: string;
  updated_at: string;
  shipping_address: Omit<Address, 'id' | 'default'>;
  line_items: LineItem[];
  shipping: { method: string; price: number };
  subtotal: number;
  discount: number;
  tax: number;
  total: number;
  payments: PaymentEntry[];
  fulfillments: Fulfillment[];
  cancel_reason: string | null;
  /** The return or exchange requested for this order (one per order), with its RMA. */
  request: ReturnRequest | null;
}

/** A return or exchange request: the RMA the shopper ships back under. Money moves when it is received. */
export interface ReturnRequest {
  kind: 'return' | 'exchange';
  rma: string;
  /** Item ids as the shopper named them (line id or SKU), sorted, one per unit. */
  items: string[];
  /** Exchange only: the new variant SKUs, sorted, one per unit. */
  new_items: string[];
  payment_method_id: string;
  /** Exchange only: new prices minus paid prices; positive is owed by the shopper. */
  price_difference: number;
  /** Return only: what will be refunded once the items arrive (after the label fee). */
  refund_amount: number;
  label_fee: number;
  created_at: string;
  instructions: string;
  /** When the warehouse received the parcel and the money was settled. */
  received_at?: string;
}

import { z } from 'zod';
import type { ToolAnnotations } from './tool.ts';

/** Shared argument and result schemas of the post-sale support tools. */
export const customerToken = z.string().min(10).describe('The customer_token verify_customer returned (valid 30 minutes)');
export const orderNumber = z.string().min(1).max(40).describe('The order number, e.g. NW-10001');
export const confirm = z.boolean().default(false).describe('false (default) previews what will happen; true executes it. Only set true after the shopper explicitly said yes to the preview.');
export const idempotencyKey = z.string().min(8).max(200).optional().describe('Any unique string per intended action; retries with the same key never apply twice. Derived from the token and arguments when absent.');
export const itemIds = z.array(z.string().min(1)).min(1).max(50).describe('Item ids from get_order (or SKUs), one per unit; name an item twice only if the order has two');
export const paymentMethodId = z.string().min(1).describe('A payment method id from get_customer');

export const addressInput = z.object({
  name: z.string().min(1).max(200),
  line1: z.string().min(1).max(200),
  line2: z.string().max(200).default(''),
  city: z.string().min(1).max(100),
  region: z.string().max(100).default('').describe('State or province code, e.g. VT'),
  postal_code: z.string().max(20).default(''),
  country: z.string().regex(/^[A-Za-z]{2}$/, 'use a 2-letter ISO country code such as US').describe('2-letter ISO country code'),
});

const citation = z.object({ id: z.string(), title: z.string(), url: z.string().nullable() });
const money = z.number().int();

export const orderViewSchema = z.object({
  order_number: z.string(),
  status: z.string().describe('As the shopper reads it, e.g. "pending (item modified)"'),
  status_code: z.string(),
  items_modified: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
  shipping_address: z.record(z.string(), z.unknown()),
  items: z.array(z.object({
    item_id: z.string(), sku: z.string(), product_id: z.string().nullable(), title: z.string(), variant_title: z.string(),
    options: z.record(z.string(), z.string()), quantity: z.number().int(), unit_price: money, final_sale: z.boolean(),
  })),
  currency: z.string(),
  totals: z.object({ subtotal: money, discount: money, shipping: money, tax: money, total: money }),
  fulfillments: z.array(z.object({
    carrier: z.string(), tracking_number: z.string(), tracking_url: z.string().nullable(), status: z.string(),
    shipped_at: z.string().nullable(), estimated_delivery: z.string().nullable(), delivered_at: z.string().nullable(),
    items: z.array(z.object({ id: z.string(), quantity: z.number().int() })),
  })),
  payments: z.array(z.object({ kind: z.enum(['charge', 'refund']), amount: money, payment_method_id: z.string(), method: z.string(), created_at: z.string(), note: z.string().nullable() })),
  refunded_total: money,
  cancel_reason: z.string().nullable(),
  return_request: z.object({
    kind: z.enum(['return', 'exchange']), rma: z.string(), items: z.array(z.string()), new_items: z.array(z.string()), payment_method_id: z.string(),
    price_difference: money, refund_amount: money, label_fee: money, created_at: z.string(), instructions: z.string(),
  }).nullable(),
});

export const actionOutcomeSchema = z.object({
  status: z.enum(['preview', 'done', 'held']).describe('preview: nothing changed yet; done: applied; held: waiting for a support agent'),
  action: z.string(),
  order_number: z.string(),
  summary: z.string().describe('Read this to the shopper'),
  amounts: z.record(z.string(), money).describe('Integer minor units'),
  currency: z.string(),
  policy: z.object({ rule: z.string(), article: citation }),
  approval: z.object({ reason: z.string(), rule: z.string(), message: z.string(), article: citation }).optional(),
  idempotency_key: z.string(),
  next_step: z.string(),
  replayed: z.boolean().optional(),
  order: orderViewSchema.optional(),
  held_action_id: z.string().optional(),
  escalation_id: z.string().optional(),
});

/** A write that previews first; retried with its key it changes nothing more. */
export const WRITE: ToolAnnotations = { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false };
/**
 * A write that also moves money. The refund or charge stays inside the shopper's own order with
 * this merchant (a bounded account), so it is not open-world; only escalate_to_human, which hands
 * the conversation to people outside the assistant, is.
 */
export const WRITE_MONEY: ToolAnnotations = { ...WRITE };

export const summarizeOutcome = (output: { status: string; summary: string; next_step: string }) =>
  `${output.status === 'preview' ? 'Preview' : output.status === 'held' ? 'Held for approval' : 'Done'}: ${output.summary}`;

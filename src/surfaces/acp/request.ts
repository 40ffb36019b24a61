import { z } from 'zod';
import { MAX_LINE_QUANTITY, MAX_SESSION_LINES, type Address, type Buyer, type Contact, type RequestedLine, type SessionChanges } from '../../checkout/index.ts';
import { invalidInput } from '../../platform/index.ts';

/**
 * One lenient reader for the request bodies of every version: `items` (2025) and `line_items`
 * (2026) both work, `quantity` is optional (the 2026 Item has none; default 1), and unknown
 * fields are ignored as ACP asks. A decimal quantity parses and is refused later as a message.
 */
const text = z.string();
const address = z.looseObject({ name: text, line_one: text, line_two: text.optional(), city: text, state: text, country: text.regex(/^[A-Za-z]{2}$/), postal_code: text });
const buyer = z.looseObject({ email: z.string().email().optional(), first_name: text.optional(), last_name: text.optional(), full_name: text.optional(), phone_number: text.optional() });
// Decimals still parse (ACP allows them in the schema) and become a message; absurd sizes are refused here.
const item = z.looseObject({ id: text.min(1), quantity: z.number().positive().max(MAX_LINE_QUANTITY, `at most ${MAX_LINE_QUANTITY} units per line`).optional() });
const details = z.looseObject({ name: text.optional(), phone_number: text.optional(), email: text.optional(), address: address.nullable().optional() });

const mutation = z.looseObject({
  items: z.array(item).max(MAX_SESSION_LINES).optional(),
  line_items: z.array(item).max(MAX_SESSION_LINES).optional(),
  buyer: buyer.nullable().optional(),
  fulfillment_address: address.nullable().optional(),
  fulfillment_details: details.nullable().optional(),
  fulfillment_option_id: text.nullable().optional(),
  selected_fulfillment_options: z.array(z.looseObject({ option_id: text })).nullable().optional(),
  discounts: z.looseObject({ codes: z.array(text) }).nullable().optional(),
  coupons: z.array(text).nullable().optional(),
  order_notes: text.max(5000).nullable().optional(),
  locale: text.nullable().optional(),
  currency: text.optional(),
  capabilities: z.looseObject({ interventions: z.looseObject({ supported: z.array(text).optional() }).optional() }).optional(),
});

export const completeBody = z.looseObject({
  payment_data: z.looseObject({
    token: text.optional(),
    provider: text.optional(),
    handler_id: text.optional(),
    instrument: z.looseObject({ type: text, credential: z.looseObject({ type: text, token: text.min(1) }) }).optional(),
    purchase_order_number: text.optional(),
  }),
  buyer: buyer.optional(),
  authentication_result: z.looseObject({ outcome: text }).optional(),
});

function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
  throw invalidInput(`${path ? `$${path}` : 'body'}: ${issue.message}`, { field: `$${path}` });
}

/** A session change from a create or update body; `null` clears a field, absent leaves it. */
export function readMutation(body: unknown, creating: boolean): SessionChanges & { lines?: RequestedLine[]; currency?: string } {
  const input = parse(mutation, body);
  const items = input.line_items ?? input.items;
  if (creating && (!items || items.length === 0)) throw invalidInput('line_items: at least one item is required', { field: '$.line_items' });
  const changes: SessionChanges & { lines?: RequestedLine[]; currency?: string } = {};
  if (items) changes.lines = items.map((entry) => ({ id: entry.id, quantity: entry.quantity ?? 1 }));
  if (input.buyer !== undefined) changes.buyer = input.buyer === null ? null : (stripUndefined({ email: input.buyer.email, first_name: input.buyer.first_name ?? input.buyer.full_name?.split(' ')[0], last_name: input.buyer.last_name, phone_number: input.buyer.phone_number }) as Buyer);
  if (input.fulfillment_details !== undefined) {
    const value = input.fulfillment_details;
    changes.contact = value === null ? null : (stripUndefined({ name: value.name, phone_number: value.phone_number, email: value.email }) as Contact);
    if (value === null || value.address !== undefined) changes.address = value?.address ? toAddress(value.address) : null;
  }
  if (input.fulfillment_address !== undefined) changes.address = input.fulfillment_address ? toAddress(input.fulfillment_address) : null;
  if (input.selected_fulfillment_options !== undefined) changes.selected_option_id = input.selected_fulfillment_options?.[0]?.option_id ?? null;
  if (input.fulfillment_option_id !== undefined) changes.selected_option_id = input.fulfillment_option_id;
  if (input.discounts !== undefined) changes.discount_codes = input.discounts?.codes ?? [];
  else if (input.coupons !== undefined) changes.discount_codes = input.coupons ?? [];
  if (input.order_notes !== undefined) changes.order_notes = input.order_notes;
  if (input.locale !== undefined) changes.locale = input.locale;
  if (input.currency !== undefined) changes.currency = input.currency;
  if (input.capabilities?.interventions?.supported) changes.interventions = input.capabilities.interventions.supported;
  return changes;
}

export function readComplete(body: unknown): z.output<typeof completeBody> & { token: string | null } {
  const input = parse(completeBody, body);
  return { ...input, token: input.payment_data.instrument?.credential.token ?? input.payment_data.token ?? null };
}

function toAddress(value: z.output<typeof address>): Address {
  return stripUndefined({ name: value.name, line_one: value.line_one, line_two: value.line_two || undefined, city: value.city, state: value.state, country: value.country.toUpperCase(), postal_code: value.postal_code }) as Address;
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

/**
 * The one place that reads tool outputs. Other engineers own the tools' shapes; when one changes,
 * the fix is an edit here and nowhere else. Every reader accepts a few plausible spellings and
 * returns null/[] rather than throwing on a shape it does not know.
 */
import type { Citation, ProductCard } from './types.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
function firstArray(output: unknown, keys: string[]): Json[] {
  if (Array.isArray(output)) return output.filter(isObject);
  if (!isObject(output)) return [];
  for (const key of keys) if (Array.isArray(output[key])) return (output[key] as unknown[]).filter(isObject);
  return [];
}
/** Unwraps `{ order: {...} }`-style envelopes. */
function unwrap(output: unknown, key: string): Json | null {
  if (!isObject(output)) return null;
  return isObject(output[key]) ? (output[key] as Json) : output;
}

/** Product pages follow the Shopify convention when the catalog has no URL: {merchant}/products/{handle}. */
export function readProducts(output: unknown, merchantUrl = ''): ProductCard[] {
  return firstArray(output, ['products', 'results', 'items']).map((product) => {
    const variants = firstArray(product, ['variants']);
    const variant = variants.find((item) => item.available !== false) ?? variants[0];
    return {
      id: String(product.id ?? ''), title: String(product.title ?? ''), url: str(product.url) ?? (merchantUrl && product.id ? `${merchantUrl.replace(/\/$/, '')}/products/${String(product.id)}` : null), image: str(product.image),
      currency: str(product.currency) ?? 'USD', price: num(product.price_min) ?? num(product.price) ?? num(variant?.price) ?? 0,
      in_stock: product.in_stock !== false, variant_id: variant ? String(variant.id) : null,
      description: str(product.description) ?? undefined,
      variants: variants.map((item) => str(item.title) ?? '').filter(Boolean),
    };
  }).filter((product) => product.id && product.title);
}

export interface Passage { title: string; url: string; snippet: string; score: number; locale: string | null }

export interface HelpAnswer { passages: Passage[]; answerable: boolean; answer: string | null; citations: Citation[] }

export function readHelp(output: unknown): HelpAnswer {
  const passages = firstArray(output, ['passages', 'results', 'hits', 'chunks']).map((passage) => {
    const url = str(passage.url) ?? str(passage.source_url) ?? '';
    const anchor = str(passage.anchor);
    return {
      title: str(passage.title) ?? str(passage.article_title) ?? url,
      url: anchor && !url.includes('#') ? `${url}#${anchor}` : url,
      snippet: str(passage.snippet) ?? str(passage.text) ?? str(passage.content) ?? '',
      score: num(passage.score) ?? 0, locale: str(passage.locale),
    };
  }).filter((passage) => passage.url && passage.snippet);
  const answerObject = isObject(output) ? (isObject(output.answer) ? (output.answer as Json) : null) : null;
  const answer = answerObject ? str(answerObject.text) : isObject(output) ? str(output.answer) : null;
  const answerCitations = answerObject ? firstArray(answerObject, ['citations']) : isObject(output) ? firstArray(output, ['citations']) : [];
  const citations = (answerCitations.length ? answerCitations.map((citation) => ({ title: str(citation.title) ?? '', url: str(citation.url) ?? '', snippet: str(citation.snippet) ?? undefined }))
    : passages.slice(0, 2).map((passage) => ({ title: passage.title, url: passage.url, snippet: passage.snippet })))
    .filter((citation) => citation.url).map((citation, index) => ({ n: index + 1, ...citation }));
  const flag = isObject(output) && typeof output.answerable === 'boolean' ? output.answerable : passages.length > 0;
  return { passages, answerable: flag && passages.length > 0, answer, citations };
}

export function readCustomerToken(output: unknown): string | null {
  if (!isObject(output)) return null;
  if (output.verified === false) return null;
  return str(output.customer_token) ?? str(output.token) ?? (isObject(output.customer) ? str(output.customer.token) : null);
}

export interface OrderView {
  number: string; status: string; createdAt: string | null; total: number | null; currency: string;
  items: Array<{ id: string; title: string; quantity: number; finalSale: boolean }>;
  /** The payment method of the first charge: where a refund goes by default. */
  chargeMethod: string | null;
  tracking: Array<{ carrier: string; number: string; url: string | null; status: string | null; eta: string | null; deliveredAt: string | null }>;
}

export function readOrder(output: unknown): OrderView | null {
  const order = unwrap(output, 'order');
  if (!order || !(str(order.number) ?? str(order.order_number) ?? str(order.id))) return null;
  return {
    number: str(order.number) ?? str(order.order_number) ?? String(order.id), status: str(order.status_code) ?? str(order.status) ?? 'unknown',
    createdAt: str(order.created_at), total: num(order.total) ?? (isObject(order.totals) ? num(order.totals.total) : null), currency: str(order.currency) ?? 'USD',
    items: firstArray(order, ['line_items', 'items']).map((item) => ({
      id: String(item.item_id ?? item.id ?? item.line_item_id ?? ''), title: str(item.title) ?? str(item.name) ?? str(item.sku) ?? 'item',
      quantity: num(item.quantity) ?? 1, finalSale: item.final_sale === true,
    })),
    chargeMethod: ((payments) => str(payments.find((payment) => payment.kind === 'charge')?.payment_method_id) ?? str(payments.find((payment) => payment.kind === 'charge')?.method_id))(firstArray(order, ['payments'])),
    tracking: firstArray(order, ['fulfillments', 'shipments']).map((fulfillment) => ({
      carrier: str(fulfillment.carrier) ?? '', number: str(fulfillment.tracking_number) ?? '', url: str(fulfillment.tracking_url),
      status: str(fulfillment.status), eta: str(fulfillment.estimated_delivery), deliveredAt: str(fulfillment.delivered_at),
    })),
  };
}

export function readOrderList(output: unknown): OrderView[] {
  return firstArray(output, ['orders', 'results']).map(readOrder).filter((order): order is OrderView => order !== null);
}

export type WriteOutcome =
  | { kind: 'preview'; summary: string; details: string[]; source?: { title: string; url: string } }
  | { kind: 'done'; summary: string }
  | { kind: 'held'; summary: string }
  | { kind: 'refused'; summary: string };

/** A write tool's answer: a preview to confirm, done, held for a human's approval, or refused by policy. */
export function readWriteOutcome(output: unknown): WriteOutcome {
  if (!isObject(output)) return { kind: 'done', summary: '' };
  const preview = isObject(output.preview) ? (output.preview as Json) : null;
  const summary = str(output.summary) ?? str(output.message) ?? (preview ? str(preview.summary) : null) ?? '';
  const details = [...firstArrayStrings(output.details), ...firstArrayStrings(preview?.details), ...firstArrayStrings(output.effects)];
  const status = str(output.status) ?? str(output.outcome) ?? '';
  if (output.allowed === false || /refus|denied|not_allowed|rejected/.test(status)) return { kind: 'refused', summary: str(output.reason) ?? summary };
  if (/held|approval|escalat/.test(status) || output.held === true || output.requires_approval === true && output.confirmed === true) return { kind: 'held', summary };
  if (preview || output.confirmed === false || output.requires_confirmation === true || status === 'preview') {
    const policy = isObject(output.policy) && isObject(output.policy.article) ? output.policy.article : null;
    const approval = isObject(output.approval) ? str(output.approval.message) : null;
    const source = policy && str(policy.url) ? { title: str(policy.title) ?? '', url: str(policy.url)! } : undefined;
    return { kind: 'preview', summary, details: [...details, ...(approval ? [approval] : [])], ...(source ? { source } : {}) };
  }
  return { kind: 'done', summary };
}

function firstArrayStrings(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((item) => (typeof item === 'string' ? item : isObject(item) ? str(item.text) ?? str(item.label) ?? JSON.stringify(item) : String(item)));
}

export function readTicketId(output: unknown): string | null {
  const ticket = unwrap(output, 'escalation') ?? unwrap(output, 'ticket');
  return ticket ? str(ticket.ticket_id) ?? str(ticket.escalation_id) ?? str(ticket.id) : null;
}

export interface CheckoutView { id: string; continueUrl: string; total: number | null; currency: string | null }

export function readCheckout(output: unknown): CheckoutView | null {
  const session = unwrap(output, 'checkout_session') ?? unwrap(output, 'checkout');
  if (!session) return null;
  const id = str(session.id) ?? str(session.checkout_session_id);
  const continueUrl = str(session.continue_url) ?? (isObject(session.links) ? str(session.links.continue_url) : null);
  if (!id || !continueUrl) return null;
  const total = isObject(session.totals) ? num(session.totals.total) : num(firstArray(session, ['totals']).find((item) => item.type === 'total')?.amount) ?? num(session.total);
  return { id, continueUrl, total, currency: str(session.currency)?.toUpperCase() ?? null };
}

import type { Escalation, HeldAction as StoredHeld } from '../../escalations/index.ts';
import { describeMethod, displayStatus, type Customer, type Order } from '../../orders/index.ts';
import { formatMoney } from '../../platform/index.ts';
import type { Services } from '../services.ts';
import type { ConsoleDeps } from './deps.ts';
import type { Citation, EscalationDetail, EscalationSummary, HeldAction, OrderView, TranscriptEntry } from './port.ts';

const label = (key: string) => key.replace(/_/g, ' ');
/** Help-center answers are Markdown; a reply to the shopper is plain text. */
const plainText = (markdown: string) => markdown.replace(/(\*\*|__)(.+?)\1/g, '$2').replace(/\[([^\]]+)\]\([^)]+\)/g, '$1');

/** What the shopper will want to know once a held action is decided, asked of the help center. */
const HELD_QUESTIONS: Record<string, string> = {
  return: 'How long does a refund take after a return?',
  cancel: 'How long does a refund take after cancelling an order?',
  exchange: 'How does an exchange work?',
  modify_items: 'Can I change the items in my order?',
  modify_payment: 'Can I change the payment method of my order?',
  modify_address: 'Can I change the shipping address of my order?',
};

/** The queue row: who, which order, whether money waits on a decision. */
export function summaryOf(escalation: Escalation, customer: Customer | null, emails: ReadonlyMap<string, string>): EscalationSummary {
  // An escalation put back in the queue keeps its last assignee in storage; the queue shows it as unassigned.
  const assignee = escalation.status === 'open' || !escalation.assignee ? null : { id: escalation.assignee, email: emails.get(escalation.assignee) ?? escalation.assignee };
  return {
    id: escalation.id, status: escalation.status, priority: escalation.priority, reason: escalation.category, summary: escalation.summary.split('\n')[0]!.slice(0, 200),
    customer_name: customer ? `${customer.first_name} ${customer.last_name}` : null, order_number: escalation.order_number, assignee,
    has_held_action: escalation.held_action_id !== null, created_at: escalation.created_at, updated_at: escalation.updated_at,
  };
}

/** The held action as the shopper confirmed it: every amount, the rule that held it and its article. */
export function heldView(held: StoredHeld, emails: ReadonlyMap<string, string>): HeldAction {
  const preview = held.preview as { summary?: string; amounts?: Record<string, number>; currency?: string; policy?: { rule?: string; article?: Citation }; approval?: { rule?: string; message?: string; article?: Citation } };
  const currency = preview.currency ?? 'USD';
  const amounts = Object.entries(preview.amounts ?? {}).filter(([, value]) => value !== 0);
  const main = preview.amounts?.refund ?? preview.amounts?.refund_total ?? preview.amounts?.price_difference ?? null;
  const result = held.result as { summary?: string; error?: string; note?: string } | null;
  const status = held.status === 'executed' ? 'approved' : held.status;
  return {
    id: held.id, kind: held.kind, status,
    preview: { summary: preview.summary ?? `${label(held.kind)} on order ${held.order_number}`, lines: amounts.map(([key, value]) => `${label(key)}: ${formatMoney(value, currency)}`), amount: main === null ? null : { amount: main, currency } },
    policy: { rule: preview.approval?.message ?? preview.approval?.rule ?? held.reason, citation: preview.approval?.article ?? preview.policy?.article ?? null },
    decided_by: held.decided_by ? emails.get(held.decided_by) ?? held.decided_by : null,
    outcome: held.status === 'pending' ? null : result?.summary ?? result?.error ?? result?.note ?? held.status,
  };
}

export function orderViewOf(order: Order, customer: Customer | null, others: Order[]): OrderView {
  const methods = new Map((customer?.payment_methods ?? []).map((method) => [method.id, describeMethod(method)]));
  return {
    number: order.number, status: displayStatus(order), created_at: order.created_at, total: { amount: order.total, currency: order.currency },
    items: order.line_items.map((line) => ({ title: [line.title, line.variant_title].filter(Boolean).join(' — '), quantity: line.quantity, unit_price: line.unit_price })),
    payments: order.payments.map((entry) => ({ kind: entry.kind, amount: entry.amount, method: methods.get(entry.method_id) ?? entry.method_id, at: entry.created_at })),
    fulfillments: order.fulfillments.map((item) => ({ carrier: item.carrier, tracking_number: item.tracking_number, status: item.status })),
    history: others.filter((other) => other.number !== order.number).sort((a, b) => b.created_at.localeCompare(a.created_at)).slice(0, 10)
      .map((other) => ({ number: other.number, status: displayStatus(other), created_at: other.created_at, total: { amount: other.total, currency: other.currency } })),
    awaiting_parcel: order.request && !order.request.received_at && (order.status === 'return_requested' || order.status === 'exchange_requested') ? order.request.rma : null,
  };
}

/** Everything a support agent needs on one page. */
export async function detailOf(services: Services, deps: ConsoleDeps, escalation: Escalation, emails: ReadonlyMap<string, string>): Promise<EscalationDetail> {
  const customer = escalation.customer_id ? await services.orders.getCustomer(escalation.customer_id) : null;
  const order = escalation.order_number ? await services.orders.getOrder(escalation.order_number) : null;
  const others = customer ? await services.orders.listOrders(customer.id) : [];
  const held = escalation.held_action_id ? await services.escalations.getHeld(escalation.held_action_id) : null;
  const conversationId = await deps.readModel.conversationOf(escalation);
  const audit = await services.audit.list({ subject_type: 'escalation', subject_id: escalation.id });
  const verification = customer ? (await services.audit.list({ customer_id: customer.id, action: 'customer.verify' })).at(-1) : undefined;

  let transcript: TranscriptEntry[] = escalation.transcript.map((entry) => ({ role: entry.role, text: entry.text, at: entry.at ?? escalation.created_at }));
  const conversation = conversationId && deps.conversations ? await deps.conversations.messages(conversationId) : [];
  if (conversation.length > 0) {
    transcript = conversation.filter((message) => !(message.role === 'shopper' && message.text.startsWith('['))).map((message) => ({
      role: message.role === 'agent' ? 'support_agent' : message.role, text: message.text, at: message.created_at, ...(message.author ? { author: message.author } : {}),
    }));
  } else {
    // Without a widget conversation (an MCP hand-off), replies live in the escalation's audit trail.
    for (const entry of audit.filter((item) => item.action === 'escalation.reply')) {
      transcript.push({ role: 'support_agent', text: String((entry.after as { text?: string }).text ?? ''), at: entry.at, author: emails.get(entry.actor.id) ?? entry.actor.id });
    }
  }
  // Ground the suggestion in what the held action is about, else in what the shopper last asked.
  const question = (held && HELD_QUESTIONS[held.kind]) ?? [...transcript].reverse().find((entry) => entry.role === 'shopper')?.text ?? escalation.reason;
  const answer = deps.answerQuestion ? await deps.answerQuestion(question).catch(() => null) : null;
  return {
    ...summaryOf(escalation, customer, emails),
    summary: escalation.summary,
    conversation_id: conversationId,
    transcript,
    customer: customer && {
      id: customer.id, name: `${customer.first_name} ${customer.last_name}`, email: customer.email,
      verified_by: verification ? (String((verification.after as { method?: string }).method ?? 'verify_customer')).replace('+', ' + ').replace('_', ' ') : escalation.customer_id ? 'signed customer token' : null,
    },
    order: order && orderViewOf(order, customer, others),
    held_action: held && heldView(held, emails),
    suggested_reply: answer && answer.answerable && answer.answer ? { text: plainText(answer.answer), citations: (answer.citations ?? []).map(({ title, url }) => ({ title, url })) } : null,
    notes: audit.filter((entry) => entry.action === 'escalation.note').map((entry) => ({ author: emails.get(entry.actor.id) ?? entry.actor.id, text: String((entry.after as { text?: string }).text ?? ''), at: entry.at })),
  };
}

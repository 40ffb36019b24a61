import { newId } from '../../platform/index.ts';
import { readCustomerToken, readOrder, readOrderList, readWriteOutcome, type OrderView } from '../adapters.ts';
import { cancelReason, extractEmail, extractNameAndPostal, extractOrderNumber } from '../intents.ts';
import { formatDate, statusText, t } from '../language.ts';
import { TOOL, cancelInput, getOrderInput, listOrdersInput, returnInput, verifyInput } from '../tool-inputs.ts';
import type { TaskIntent, TurnContext } from '../types.ts';
import { say, sayKey, unavailable } from './say.ts';
import { handOff } from './handoff.ts';

const WHAT = { en: 'look up orders', fr: 'consulter les commandes' };

/** Fills identity slots from any message, so "NW-10187, maya@…" works in one turn or across several. */
export function absorbSlots(turn: TurnContext, text: string): void {
  const slots = turn.state.slots;
  const email = extractEmail(text);
  const order = extractOrderNumber(text);
  const named = extractNameAndPostal(text.replace(/[A-Za-z0-9._%+-]+@\S+/g, ''));
  if (email) slots.email = email;
  if (order) slots.orderNumber = order;
  if (named) Object.assign(slots, named);
}

async function ensureVerified(turn: TurnContext): Promise<string | null> {
  const { state } = turn;
  if (state.customerToken) return state.customerToken;
  if (!turn.tools.has(TOOL.verify)) { unavailable(turn, WHAT); return null; }
  const input = verifyInput(state.slots);
  if (!input) {
    state.task = { intent: state.task?.intent ?? 'order_status', awaiting: 'identity' };
    if (state.slots.orderNumber && !state.slots.email) sayKey(turn, 'ask_email');
    else if (state.slots.email && !state.slots.orderNumber) sayKey(turn, 'ask_order');
    else sayKey(turn, 'ask_identity');
    return null;
  }
  const result = await turn.tools.call(TOOL.verify, input);
  const token = result.ok ? readCustomerToken(result.output) : null;
  if (!token) {
    // A mismatch reads exactly like "not found": nothing tells a guesser which half was right.
    state.slots = {};
    state.misses += 1;
    sayKey(turn, 'not_found');
    if (state.misses >= 2) { say(turn, ' '); sayKey(turn, 'handoff_offer'); state.handoff = 'offered'; }
    return null;
  }
  state.customerToken = token;
  state.verifiedOrder = state.slots.orderNumber;
  state.misses = 0;
  return token;
}

async function loadOrder(turn: TurnContext, token: string): Promise<OrderView | null> {
  const number = turn.state.slots.orderNumber ?? turn.state.verifiedOrder;
  if (!number) {
    if (!turn.tools.has(TOOL.listOrders)) { sayKey(turn, 'ask_order'); return null; }
    const listed = await turn.tools.call(TOOL.listOrders, listOrdersInput(token));
    const latest = listed.ok ? readOrderList(listed.output)[0] : undefined;
    if (!latest) { sayKey(turn, 'ask_order'); return null; }
    return latest;
  }
  if (!turn.tools.has(TOOL.getOrder)) { unavailable(turn, WHAT); return null; }
  const result = await turn.tools.call(TOOL.getOrder, getOrderInput(token, number));
  const order = result.ok ? readOrder(result.output) : null;
  if (!order) {
    turn.state.slots.orderNumber = turn.state.verifiedOrder;
    sayKey(turn, number === turn.state.verifiedOrder ? 'not_found' : 'other_order', { number });
    return null;
  }
  return order;
}

function describeOrder(turn: TurnContext, order: OrderView): void {
  const locale = turn.state.locale;
  let text = t(locale, 'order_status', { number: order.number, status: statusText(locale, order.status) });
  const shipment = order.tracking.find((item) => item.number);
  if (shipment) {
    text += t(locale, 'tracking', { carrier: shipment.carrier, tracking: shipment.number });
    if (shipment.deliveredAt) text += t(locale, 'delivered_on', { date: formatDate(locale, shipment.deliveredAt) });
    else if (shipment.eta) text += t(locale, 'eta', { date: formatDate(locale, shipment.eta) });
  }
  say(turn, text);
  turn.emit({ type: 'order-status', order: { number: order.number, status: order.status, tracking: order.tracking.filter((item) => item.number).map(({ carrier, number, url }) => ({ carrier, number, url })) } });
}

/** Order status, cancel, return, exchange: identify, look up, then preview an action for confirmation. */
export async function orderTask(turn: TurnContext, intent: TaskIntent, text: string): Promise<void> {
  turn.state.task = { intent };
  if (intent === 'cancel') turn.state.slots.reason = cancelReason(text);
  const token = await ensureVerified(turn);
  if (!token) return;
  const order = await loadOrder(turn, token);
  if (!order) return;
  turn.state.slots.orderNumber = order.number;
  if (intent === 'order_status') { turn.state.task = undefined; return describeOrder(turn, order); }
  if (intent === 'exchange') return handOff(turn, `Exchange request for order ${order.number}: "${text.slice(0, 300)}"`);
  if (intent === 'cancel') {
    return preview(turn, intent, TOOL.cancel, cancelInput(token, order.number, turn.state.slots.reason ?? 'no_longer_needed'));
  }
  const chosen = pickItems(order, text, turn.state.slots.items);
  if (!chosen) {
    turn.state.task = { intent, awaiting: 'items' };
    return sayKey(turn, 'ask_items', { number: order.number, items: order.items.map((item, index) => `${index + 1}. ${item.title}`).join('; ') });
  }
  turn.state.slots.items = chosen;
  return preview(turn, intent, TOOL.returnItems, returnInput(token, order, chosen));
}

function pickItems(order: OrderView, text: string, earlier: string[] | undefined): string[] | null {
  if (order.items.length === 1) return [order.items[0]!.id];
  if (/\b(all|everything|both|tout|tous|toutes|les deux)\b/i.test(text)) return order.items.map((item) => item.id);
  const lower = text.toLowerCase();
  const byName = order.items.filter((item, index) => lower.includes(String(index + 1)) && text.trim().length < 12
    || item.title.toLowerCase().split(/\s+/).some((word) => word.length > 3 && lower.includes(word)));
  if (byName.length) return byName.map((item) => item.id);
  return earlier?.length ? earlier : null;
}

async function preview(turn: TurnContext, intent: TaskIntent, tool: string, input: Record<string, unknown>): Promise<void> {
  if (!turn.tools.has(tool)) return unavailable(turn, { en: 'do that', fr: 'faire cela' });
  let result = await turn.tools.call(tool, input);
  let late: string | null = null;
  if (!result.ok && /window_days/.test(result.error.rule ?? '') && /contest/.test(result.error.fix ?? '')) {
    // This merchant lets a person review late returns: preview that, and the shopper's yes sends it to them.
    late = result.error.message;
    result = await turn.tools.call(tool, { ...input, contest: true });
  }
  if (!result.ok) { turn.state.task = undefined; return sayKey(turn, 'action_refused', { summary: result.error.message }); }
  const outcome = readWriteOutcome(result.output);
  if (late && outcome.kind === 'preview') outcome.summary = `${late}. ${outcome.summary}`;
  if (outcome.kind === 'refused') { turn.state.task = undefined; return sayKey(turn, 'action_refused', { summary: outcome.summary }); }
  const id = newId('act', 8);
  // The confirmed call repeats exactly what was previewed (including a contest of a late return).
  turn.state.pending = { id, tool, input: late ? { ...input, contest: true } : input, summary: outcome.summary, intent };
  turn.state.task = { intent, awaiting: 'confirm' };
  turn.emit({ type: 'action-preview', preview: { id, tool, summary: outcome.summary, details: outcome.kind === 'preview' ? outcome.details : [] } });
  sayKey(turn, 'confirm_prompt', { summary: outcome.summary });
  if (outcome.kind === 'preview' && outcome.source) turn.emit({ type: 'citations', citations: [{ n: 1, ...outcome.source }] });
}

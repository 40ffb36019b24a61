import { readTicketId, readWriteOutcome } from '../adapters.ts';
import { TOOL, confirmed, escalateInput } from '../tool-inputs.ts';
import type { TurnContext } from '../types.ts';
import { sayKey } from './say.ts';

/**
 * Hands the conversation to a person: a structured escalation (ticket with a summary of what the
 * shopper said), then the bot stays quiet while a human owns the thread.
 */
export async function handOff(turn: TurnContext, reason: string): Promise<void> {
  const { state } = turn;
  if (state.handoff === 'requested' || state.handoff === 'human') return sayKey(turn, 'handoff_waiting');
  const recent = turn.history.filter((message) => message.role === 'shopper').slice(-4).map((message) => message.text.slice(0, 200));
  const summary = [reason, ...recent.map((text) => `Shopper: ${text}`)].join('\n').slice(0, 1500);
  let ticketId: string | undefined;
  if (turn.tools.has(TOOL.escalate)) {
    const input = escalateInput(reason, `${summary}\nConversation: ${turn.conversationId}`, state.customerToken, state.slots.orderNumber ?? state.verifiedOrder);
    let result = await turn.tools.call(TOOL.escalate, input);
    // Tolerate a tool that previews even with confirm: the shopper's request is the confirmation.
    if (result.ok && readWriteOutcome(result.output).kind === 'preview') result = await turn.tools.call(TOOL.escalate, confirmed(input));
    if (result.ok) ticketId = readTicketId(result.output) ?? undefined;
  }
  // Without the escalation tool the conversation itself is the queue: the console lists conversations in hand-off state.
  state.handoff = 'requested';
  state.ticketId = ticketId;
  state.task = undefined;
  state.pending = undefined;
  turn.emit({ type: 'handoff-status', status: 'requested', ...(ticketId ? { ticket_id: ticketId } : {}) });
  sayKey(turn, 'handoff_requested');
}

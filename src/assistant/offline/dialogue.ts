import { readWriteOutcome } from '../adapters.ts';
import { looksLikeInjection } from '../guardrails.ts';
import { detectIntent, isNo, isYes } from '../intents.ts';
import { confirmed } from '../tool-inputs.ts';
import type { Brain, TurnContext } from '../types.ts';
import { answerPolicy } from './help.ts';
import { handOff } from './handoff.ts';
import { absorbSlots, orderTask } from './orders.ts';
import { say, sayKey } from './say.ts';
import { answerProductQuestion, buy, searchProducts } from './shopping.ts';

/**
 * The offline dialogue manager: deterministic, no model. Each turn: resolve a pending
 * confirmation, continue a task that is waiting for a slot, or start what the message asks for.
 */
export class OfflineBrain implements Brain {
  readonly name = 'offline';

  async respond(turn: TurnContext): Promise<void> {
    const { state, input } = turn;
    const text = (input.text ?? '').trim();
    if (state.handoff === 'requested' || state.handoff === 'human') return sayKey(turn, 'handoff_waiting');
    if (input.action?.type === 'handoff') return handOff(turn, 'The shopper pressed "Talk to a person".');
    if (state.pending) {
      const byButton = input.action && input.action.preview_id === state.pending.id ? input.action.type : null;
      if (byButton === 'confirm' || (!input.action && isYes(text))) return this.execute(turn);
      if (byButton === 'cancel' || (!input.action && isNo(text))) {
        state.pending = undefined;
        state.task = undefined;
        return sayKey(turn, 'action_cancelled');
      }
      // Anything else drops the pending action: a confirmation must be explicit and immediate.
      state.pending = undefined;
      state.task = undefined;
    }
    if (input.action?.type === 'buy') return buy(turn, input.action.variant_id, text);
    if (!text) return sayKey(turn, 'greeting');
    if (looksLikeInjection(text)) return sayKey(turn, 'injection');
    if (state.handoff === 'offered' && isYes(text)) return handOff(turn, 'The shopper accepted the offer of a person after the assistant could not answer.');
    if (state.handoff === 'offered' && isNo(text)) { state.handoff = 'none'; return sayKey(turn, 'thanks'); }
    absorbSlots(turn, text);
    const intent = detectIntent(text, { hasProducts: state.lastProducts.length > 0 });
    const waiting = state.task?.awaiting;
    if (waiting && (intent === 'unknown' || intent === 'order_status' || (waiting === 'items' && intent !== 'human'))) {
      return orderTask(turn, state.task!.intent, text);
    }
    switch (intent) {
      case 'greeting': return sayKey(turn, 'greeting');
      case 'thanks': return sayKey(turn, 'thanks');
      case 'human': return handOff(turn, 'The shopper asked for a person.');
      case 'order_status': case 'cancel': case 'return': case 'exchange': return orderTask(turn, intent, text);
      case 'buy': return buy(turn, undefined, text);
      case 'product_search': return searchProducts(turn, text);
      case 'product_question': return answerProductQuestion(turn, text);
      case 'policy_question': return answerPolicy(turn, text);
      default: return this.unknown(turn, text);
    }
  }

  private async unknown(turn: TurnContext, text: string): Promise<void> {
    // Out of scope unless the help center happens to answer it; two misses in a row offer a person.
    if (text.split(/\s+/).length >= 3 && /\?|\b(how|what|why|when|can|do|comment|pourquoi|quand|est-ce)\b/i.test(text) && !/\b(weather|météo|joke|blague|poem|poème|code|python|capital|president|président|recipe|recette|stock market|bitcoin)\b/i.test(text)) {
      return answerPolicy(turn, text);
    }
    turn.state.misses += 1;
    sayKey(turn, 'out_of_scope');
    if (turn.state.misses >= 2) { say(turn, ' '); sayKey(turn, 'handoff_offer'); turn.state.handoff = 'offered'; }
  }

  private async execute(turn: TurnContext): Promise<void> {
    const pending = turn.state.pending!;
    turn.state.pending = undefined;
    turn.state.task = undefined;
    const result = await turn.tools.call(pending.tool, confirmed(pending.input));
    if (!result.ok) {
      turn.emit({ type: 'action-result', tool: pending.tool, ok: false, summary: result.error.message });
      return sayKey(turn, 'action_failed', { summary: result.error.message });
    }
    const outcome = readWriteOutcome(result.output);
    const summary = outcome.summary || pending.summary;
    turn.emit({ type: 'action-result', tool: pending.tool, ok: outcome.kind !== 'refused', summary });
    if (outcome.kind === 'held') {
      // Held for a person's approval: the conversation is now theirs too.
      turn.state.handoff = 'requested';
      turn.emit({ type: 'handoff-status', status: 'requested' });
      return sayKey(turn, 'action_held', { summary });
    }
    if (outcome.kind === 'refused') return sayKey(turn, 'action_refused', { summary });
    return sayKey(turn, 'action_done', { summary });
  }
}

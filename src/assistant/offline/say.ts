import { t } from '../language.ts';
import type { TurnContext } from '../types.ts';

/** Streams a reply as a few text deltas (word groups), like a model would, so the widget renders progressively. */
export function say(turn: TurnContext, text: string): void {
  const parts = text.match(/\s*\S+\s*/g) ?? [text];
  for (let index = 0; index < parts.length; index += 6) turn.emit({ type: 'text-delta', text: parts.slice(index, index + 6).join('') });
}

export function sayKey(turn: TurnContext, key: string, vars: Record<string, string | number> = {}): void {
  say(turn, t(turn.state.locale, key, { merchant: turn.merchant.name, email: turn.merchant.supportEmail, ...vars }));
}

/** A capability whose tool has not landed (or was removed): say so and offer a person. */
export function unavailable(turn: TurnContext, what: { en: string; fr: string }): void {
  sayKey(turn, 'unavailable', { what: what[turn.state.locale] });
  turn.state.handoff = turn.state.handoff === 'none' ? 'offered' : turn.state.handoff;
}

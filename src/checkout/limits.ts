import type { Message, SessionLine, Totals } from './types.ts';

/**
 * Bounds on what one checkout may ask for. Items that sell past zero have no stock to stop a
 * request, so without them a client could price (and pay) any number of units; the total stays
 * within what card processors accept (Stripe: 99,999,999 minor units for most currencies) and
 * well inside exact integer arithmetic.
 */
export const MAX_LINE_QUANTITY = 999;
export const MAX_SESSION_UNITS = 999;
export const MAX_SESSION_LINES = 50;
export const MAX_TOTAL_AMOUNT = 99_999_999;

/** Messages that keep an over-large cart from being paid; empty when it is within bounds. */
export function limitMessages(lines: readonly SessionLine[], totals: Totals): Message[] {
  const messages: Message[] = [];
  if (lines.length > MAX_SESSION_LINES) messages.push({ type: 'error', code: 'invalid', param: '$.line_items', content: `A checkout holds at most ${MAX_SESSION_LINES} lines.` });
  const units = lines.reduce((sum, line) => sum + line.quantity, 0);
  if (units > MAX_SESSION_UNITS) messages.push({ type: 'error', code: 'invalid', param: '$.line_items', content: `A checkout holds at most ${MAX_SESSION_UNITS} units in all; this one asks for ${units}.` });
  if (!Number.isSafeInteger(totals.total) || totals.total > MAX_TOTAL_AMOUNT) {
    messages.push({ type: 'error', code: 'invalid', param: '$.totals', content: `The total is above the ${MAX_TOTAL_AMOUNT} minor units one payment can take; split the order.` });
  }
  return messages;
}

import { ShopkeeperError } from '../platform/index.ts';
import type { SessionStatus } from './types.ts';

/**
 * Every allowed status change, as data. A transition that is not listed is a bug or a race, and
 * the store refuses it; terminal states have no way out.
 */
export const TRANSITIONS: Readonly<Record<SessionStatus, readonly SessionStatus[]>> = {
  not_ready_for_payment: ['not_ready_for_payment', 'ready_for_payment', 'canceled', 'expired'],
  ready_for_payment: ['ready_for_payment', 'not_ready_for_payment', 'complete_in_progress', 'canceled', 'expired'],
  // A claim that never finished (crash mid-payment) is reclaimed by the next complete.
  complete_in_progress: ['complete_in_progress', 'completed', 'ready_for_payment', 'not_ready_for_payment', 'authentication_required'],
  authentication_required: ['complete_in_progress', 'ready_for_payment', 'not_ready_for_payment', 'canceled', 'expired'],
  completed: [],
  canceled: [],
  expired: [],
};

export const TERMINAL: ReadonlySet<SessionStatus> = new Set(['completed', 'canceled', 'expired']);

/** Statuses in which a client may still change the cart, address or codes. */
export const EDITABLE: ReadonlySet<SessionStatus> = new Set(['not_ready_for_payment', 'ready_for_payment', 'authentication_required']);

export function canTransition(from: SessionStatus, to: SessionStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function assertTransition(from: SessionStatus, to: SessionStatus): void {
  if (!canTransition(from, to)) {
    throw new ShopkeeperError('conflict', `A checkout session cannot go from ${from} to ${to}`, { field: 'status', fix: 'Retrieve the session to see its current status.' });
  }
}

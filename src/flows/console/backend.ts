import { ShopkeeperError } from '../../platform/index.ts';
import type { Services } from '../services.ts';
import type { ConsoleBackend, Insights } from './port.ts';

/**
 * The console's backend over the real capabilities. Until the escalations capability (support
 * issue) and the conversation store (widget issue) land, the queue is empty and actions answer
 * "unavailable"; this file is the one place that changes when they do.
 */
export function createConsoleBackend(services: Services): ConsoleBackend {
  const unavailable = async (): Promise<never> => {
    throw new ShopkeeperError('unavailable', 'Escalations are not available in this build yet.');
  };
  return {
    listEscalations: async () => [],
    getEscalation: async () => null,
    claim: unavailable,
    unassign: unavailable,
    approve: unavailable,
    deny: unavailable,
    reply: unavailable,
    note: unavailable,
    resolve: unavailable,
    insights: async (range): Promise<Insights> => ({
      ...range, currency: services.merchant.profile.currency, conversations: 0, resolved_without_human: 0, escalations: 0, escalation_reasons: {},
      actions: { returns: 0, cancellations: 0, exchanges: 0, refunds: 0, refunded_amount: 0 }, checkout_conversions: 0, daily: [], unanswered_questions: [],
    }),
  };
}

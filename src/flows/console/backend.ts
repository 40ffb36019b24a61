import { ShopkeeperError } from '../../platform/index.ts';
import type { Services } from '../services.ts';
import type { ConsoleDeps } from './deps.ts';
import { computeInsights } from './insights.ts';
import type { ConsoleBackend } from './port.ts';

/**
 * The console's backend over the real capabilities. Until the escalations capability (support
 * issue) lands, the queue is empty and actions answer "unavailable"; insights already read
 * whatever tables exist. This file is the one place that changes when escalations arrive.
 */
export function createConsoleBackend(services: Services, deps: ConsoleDeps): ConsoleBackend {
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
    insights: (range) => computeInsights(services, deps.readModel, range),
  };
}

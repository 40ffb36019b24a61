import type { Services } from '../services.ts';
import type { Insights } from './port.ts';
import type { ConsoleReadModel } from './read-model.ts';

const ACTION_KIND: Record<string, keyof Pick<Insights['actions'], 'returns' | 'cancellations' | 'exchanges'>> = {
  'order.return': 'returns', 'order.cancel': 'cancellations', 'order.exchange': 'exchanges',
};

/** The merchant's numbers for a period, from the conversations, escalations, audit log and orders. */
export async function computeInsights(services: Services, readModel: ConsoleReadModel, range: { from: string; to: string }): Promise<Insights> {
  const { from, to } = range;
  const stats = await readModel.conversationStats(from, to);
  const escalations = await readModel.escalationsCreated(from, to);
  const reasons: Record<string, number> = {};
  const escalationsByDay = new Map<string, number>();
  for (const escalation of escalations) {
    reasons[escalation.category] = (reasons[escalation.category] ?? 0) + 1;
    escalationsByDay.set(escalation.day, (escalationsByDay.get(escalation.day) ?? 0) + 1);
  }
  const actions: Insights['actions'] = { returns: 0, cancellations: 0, exchanges: 0, refunds: 0, refunded_amount: 0 };
  const touched = new Set<string>();
  for (const entry of await readModel.orderActions(from, to)) {
    const kind = ACTION_KIND[entry.action];
    if (kind) actions[kind] += 1;
    touched.add(entry.order_number);
  }
  // Refunds are read from each touched order's payment history: entries are never edited, so the
  // ones dated inside the period are exactly the money returned in it.
  for (const number of touched) {
    const order = await services.orders.getOrder(number);
    for (const entry of order?.payments ?? []) {
      if (entry.kind !== 'refund' || entry.created_at < from || entry.created_at >= to) continue;
      actions.refunds += 1;
      actions.refunded_amount += entry.amount;
    }
  }
  const daily: Insights['daily'] = [];
  for (let day = new Date(from.slice(0, 10)); day.toISOString() < to; day = new Date(day.getTime() + 86_400_000)) {
    const key = day.toISOString().slice(0, 10);
    daily.push({ day: key, conversations: Math.max(stats.daily.get(key) ?? 0, escalationsByDay.get(key) ?? 0), escalations: escalationsByDay.get(key) ?? 0 });
  }
  return {
    from, to, currency: services.merchant.profile.currency,
    conversations: stats.conversations,
    resolved_without_human: stats.conversations - stats.handed_off,
    escalations: escalations.length,
    escalation_reasons: reasons,
    actions,
    checkout_conversions: (await readModel.checkoutConversions(from, to)).completed,
    daily,
    unanswered_questions: await readModel.unansweredQuestions(from, to),
  };
}

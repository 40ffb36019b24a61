import { conflict, formatMoney } from '../../platform/index.ts';
import { describeMethod, findMethod, isBalanceMethod, originalMethodId, refuse } from './rules.ts';
import type { PaymentDraft, Planner } from './types.ts';

/**
 * The warehouse received a return or exchange parcel: now the money moves. A return refunds the
 * amount previewed to the chosen method (a gift card or store credit at once); an exchange charges
 * or refunds its price difference. Happens once per request.
 */
export const planReceiveReturn: Planner<Record<string, never>> = (order, _input, { policy, customer, now }) => {
  const request = order.request;
  const article = request?.kind === 'exchange' ? policy.exchanges.article : policy.returns.article;
  if (!request || (order.status !== 'return_requested' && order.status !== 'exchange_requested')) {
    throw refuse('returns.status', article, `Order ${order.number} has no return or exchange waiting for its parcel`, 'Only a requested return or exchange can be received.', 'order_number');
  }
  if (request.received_at) throw conflict(`The parcel for ${request.rma} was already received on ${request.received_at}.`, { field: 'order_number', fix: 'Nothing more to do.' });
  const method = findMethod(customer, request.payment_method_id);
  const amount = request.kind === 'return' ? -request.refund_amount : request.price_difference;
  const payments: PaymentDraft[] = [];
  if (amount !== 0) {
    const original = order.payments.find((entry) => entry.kind === 'charge' && entry.method_id === method.id && method.id === originalMethodId(order));
    payments.push({
      kind: amount > 0 ? 'charge' : 'refund', method_id: method.id, amount: Math.abs(amount), note: `${request.kind} ${request.rma} received`,
      ...(amount < 0 && original ? { refund_of: original.id } : {}),
    });
  }
  const money = formatMoney(Math.abs(amount), order.currency);
  return {
    action: 'receive_return', order_number: order.number, customer_id: order.customer_id, rule: `${request.kind === 'return' ? 'returns' : 'exchanges'}.received`, article,
    summary: `${request.rma} received: ${amount < 0 ? `refund ${money} to` : amount > 0 ? `charge ${money} to` : 'nothing to settle with'} ${describeMethod(method)}.`,
    amounts: { [amount < 0 ? 'refund' : 'charge']: Math.abs(amount) }, currency: order.currency,
    change: {
      request: { ...request, received_at: now.toISOString() }, payments,
      balances: isBalanceMethod(method) && amount !== 0 ? [{ method_id: method.id, delta: -amount }] : [],
    },
  };
};

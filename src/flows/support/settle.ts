import type { Services } from '../services.ts';

/**
 * Executes card and PayPal entries of the payment history at the provider, after the order change
 * committed. Each provider call uses a key derived from the entry id, so a retry (this function is
 * safe to call again, from any replica) never moves money twice. Gift cards and store credit
 * were already settled in the order's transaction.
 */
export async function settlePayments(services: Services, orderNumber?: string): Promise<{ settled: number; failed: number }> {
  let settled = 0;
  let failed = 0;
  for (const entry of await services.orderActions.pendingSettlements(orderNumber)) {
    const order = await services.orders.getOrder(entry.order_number);
    const currency = order?.currency ?? services.merchant.profile.currency;
    const now = services.clock.now();
    if (entry.kind === 'refund') {
      const chargeId = (entry.refund_of && (await services.orderActions.providerRef(entry.refund_of))) ?? entry.refund_of ?? entry.entry_id;
      const result = await services.payments.refund({ chargeId, amount: entry.amount, currency, idempotencyKey: `settle:${entry.entry_id}`, reason: 'requested_by_customer' });
      await services.orderActions.recordSettlement(entry.entry_id, result.status === 'failed'
        ? { status: 'failed', provider: result.provider, message: result.message }
        : { status: 'succeeded', provider: result.provider, provider_ref: result.id }, now);
      if (result.status === 'failed') failed++;
      else settled++;
      continue;
    }
    // A saved method is charged off-session; the test provider accepts any tok_test_ token.
    const token = services.payments.provider === 'test' ? `tok_test_saved_${entry.method_id}` : entry.method_id;
    const result = await services.payments.charge({ amount: entry.amount, currency, token, idempotencyKey: `settle:${entry.entry_id}`, description: `Order ${entry.order_number}` });
    if (result.status === 'succeeded') {
      await services.orderActions.recordSettlement(entry.entry_id, { status: 'succeeded', provider: result.provider, provider_ref: result.id }, now);
      settled++;
    } else {
      const message = result.status === 'declined' ? result.message : 'The payment needs the shopper to authenticate.';
      await services.orderActions.recordSettlement(entry.entry_id, { status: 'failed', provider: result.provider, message }, now);
      failed++;
      // A person sorts out a charge that failed after the change was made.
      await services.escalations.open({
        source_key: `settlement:${entry.entry_id}`, priority: 'high', category: 'payment_problem', reason: 'A charge after an order change failed',
        summary: `Charging ${entry.amount} to ${entry.method_id} for order ${entry.order_number} failed: ${message}`, order_number: entry.order_number,
        customer_id: order?.customer_id ?? null, channel: 'system',
      }, { actor: { kind: 'system', id: 'settlement' }, channel: 'system', now });
    }
  }
  return { settled, failed };
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Runtime } from '../../../src/main.ts';
import { findTool } from '../../../src/tools/index.ts';
import { startSupport, type SupportHarness } from '../../helpers/support.ts';

let shop: SupportHarness;
let token: string;
let replicas: Runtime[];
beforeEach(async () => {
  shop = await startSupport();
  token = await shop.token();
  // Two more runtimes on the same database file stand in for other replicas.
  replicas = [shop.runtime, await shop.replica(), await shop.replica()];
});
afterEach(() => shop.stop());

/** Fires the same tool call 50 times at once, spread over the replicas; counts outcomes. */
async function storm(name: string, args: (index: number) => Record<string, unknown>) {
  const tool = findTool(name)!;
  const results = await Promise.allSettled(Array.from({ length: 50 }, (_, index) =>
    tool.execute({ services: replicas[index % replicas.length]!, channel: 'test', actor: { kind: 'assistant', id: `client-${index}` } }, tool.input.parse(args(index)))));
  return {
    done: results.filter((result) => result.status === 'fulfilled' && (result.value as { status: string }).status === 'done').length,
    replayed: results.filter((result) => result.status === 'fulfilled' && (result.value as { replayed?: boolean }).replayed).length,
    refused: results.filter((result) => result.status === 'rejected').map((result) => ((result as PromiseRejectedResult).reason as { code: string }).code),
  };
}

describe('50 parallel requests for the same order', () => {
  it('cancel with 50 different keys: one cancellation, one refund, one credit', async () => {
    const outcome = await storm('cancel_order', (index) => ({ customer_token: token, order_number: 'NW-1009', reason: 'no longer needed', confirm: true, idempotency_key: `cancel-${index}` }));
    expect(outcome.done).toBe(1);
    expect(new Set(outcome.refused)).toEqual(new Set(['policy_violation']));
    const order = (await shop.runtime.orders.getOrder('NW-1009'))!;
    expect(order.payments.filter((entry) => entry.kind === 'refund').map((entry) => entry.amount)).toEqual([1000, 4000]);
    expect((await shop.runtime.orders.getCustomer('cus_ana'))!.payment_methods.find((method) => method.id === 'gift_ana')!.balance).toBe(6000);
    expect(await shop.runtime.orderActions.settlements('NW-1009')).toEqual([expect.objectContaining({ amount: 4000, status: 'succeeded' })]);
    expect(await shop.runtime.audit.list({ subject_id: 'NW-1009', action: 'order.cancel' })).toHaveLength(1);
  });

  it('cancel with one shared key: one effect, every caller gets the same answer', async () => {
    const outcome = await storm('cancel_order', () => ({ customer_token: token, order_number: 'NW-1001', reason: 'no longer needed', confirm: true, idempotency_key: 'same-key-123' }));
    expect(outcome).toMatchObject({ done: 50, replayed: 49, refused: [] });
    expect((await shop.runtime.orders.getOrder('NW-1001'))!.payments).toHaveLength(2);
  });

  it('return with 50 different keys: one return request', async () => {
    const outcome = await storm('return_items', (index) => ({ customer_token: token, order_number: 'NW-1003', item_ids: ['BOOT-9'], payment_method_id: 'card_ana', confirm: true, idempotency_key: `return-${index}` }));
    expect(outcome.done).toBe(1);
    expect(outcome.refused).toHaveLength(49);
    expect((await shop.runtime.orders.getOrder('NW-1003'))!.request).toMatchObject({ items: ['BOOT-9'] });
  });

  it('a held (contested) return with 50 different keys: one held action, one escalation', async () => {
    const outcome = await storm('return_items', (index) => ({ customer_token: token, order_number: 'NW-1004', item_ids: ['TEE-BLU-M'], payment_method_id: 'card_ana', contest: true, confirm: true, idempotency_key: `late-return-${index}` }));
    expect(outcome.done).toBe(0);
    expect(await shop.runtime.escalations.listHeld({ order_number: 'NW-1004' })).toHaveLength(1);
    expect(await shop.runtime.escalations.list({ order_number: 'NW-1004' })).toHaveLength(1);
  });
});

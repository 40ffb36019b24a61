import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../../src/main.ts';
import { failure, startSupport, type SupportHarness } from '../../helpers/support.ts';

/**
 * A scripted conversation-by-conversation replay, the way an outside data set is replayed: each
 * step is a tool call with its own idempotency key. The final state of every order and balance
 * must be exactly the expected one, and replaying the same script again must change nothing.
 */
type Step = { who: 'ana' | 'ben'; tool: string; args: Record<string, unknown>; refused?: string };

const SCRIPT: Step[] = [
  { who: 'ana', tool: 'modify_order_items', args: { order_number: 'NW-1001', item_ids: ['TEE-BLU-M'], new_item_ids: ['TEE-RED-M'], payment_method_id: 'gift_ana', idempotency_key: 'replay-01' } },
  { who: 'ana', tool: 'modify_order_address', args: { order_number: 'NW-1001', address: { name: 'Ana Silva', line1: '1 Lake Rd', city: 'Stowe', region: 'VT', postal_code: '05672', country: 'US' }, idempotency_key: 'replay-02' } },
  { who: 'ana', tool: 'modify_order_payment', args: { order_number: 'NW-1002', payment_method_id: 'paypal_ana', idempotency_key: 'replay-03' } },
  { who: 'ana', tool: 'cancel_order', args: { order_number: 'NW-1002', reason: 'ordered by mistake', idempotency_key: 'replay-04' } },
  { who: 'ana', tool: 'cancel_order', args: { order_number: 'NW-1009', reason: 'no longer needed', idempotency_key: 'replay-05' } },
  { who: 'ana', tool: 'return_items', args: { order_number: 'NW-1003', item_ids: ['TEE-BLU-L', 'BOOT-9'], payment_method_id: 'credit_ana', idempotency_key: 'replay-06' } },
  { who: 'ben', tool: 'exchange_items', args: { order_number: 'NW-1008', item_ids: ['TEE-BLU-M'], new_item_ids: ['TEE-RED-M'], payment_method_id: 'gift_ben', idempotency_key: 'replay-07' } },
  { who: 'ben', tool: 'modify_order_payment', args: { order_number: 'NW-1007', payment_method_id: 'gift_ben', idempotency_key: 'replay-08' }, refused: 'payments.balance_covers_amount' },
  { who: 'ana', tool: 'cancel_order', args: { order_number: 'NW-1001', reason: 'no longer needed', idempotency_key: 'replay-09' }, refused: 'cancellation.allowed_statuses' },
  { who: 'ana', tool: 'update_default_address', args: { address: { name: 'Ana Silva', line1: '9 Elm St', city: 'Montpelier', region: 'VT', postal_code: '05602', country: 'US' }, idempotency_key: 'replay-10' } },
  { who: 'ben', tool: 'cancel_order', args: { order_number: 'NW-1007', reason: 'no_longer_needed', idempotency_key: 'replay-11' } },
];

const pay = (kind: string, method: string, amount: number) => `${kind} ${method} ${amount}`;
const EXPECTED = {
  orders: {
    'NW-1001': { status: 'pending', items_modified: true, cancel_reason: null, line1: '1 Lake Rd', total: 18100, items: ['TEE-BLU-M x1 @2500', 'BOOT-9 x1 @12900', 'TEE-RED-M x1 @2700'], payments: [pay('charge', 'card_ana', 17900), pay('charge', 'gift_ana', 200)], request: null },
    'NW-1002': { status: 'cancelled', items_modified: false, cancel_reason: 'ordered_by_mistake', line1: '12 Pine St', total: 2700, items: ['TEE-RED-M x1 @2700'], payments: [pay('charge', 'gift_ana', 2700), pay('charge', 'paypal_ana', 2700), pay('refund', 'gift_ana', 2700), pay('refund', 'paypal_ana', 2700)], request: null },
    'NW-1003': { status: 'return_requested', items_modified: false, cancel_reason: null, line1: '12 Pine St', total: 23400, items: ['BOOT-9 x1 @12900', 'JKT-M x1 @8000', 'TEE-BLU-L x1 @2500'], payments: [pay('charge', 'card_ana', 23400)], request: { kind: 'return', items: ['BOOT-9', 'TEE-BLU-L'], new_items: [], payment_method_id: 'credit_ana', price_difference: 0, refund_amount: 15400 } },
    'NW-1004': { status: 'delivered', items_modified: false, cancel_reason: null, line1: '12 Pine St', total: 2500, items: ['TEE-BLU-M x1 @2500'], payments: [pay('charge', 'card_ana', 2500)], request: null },
    'NW-1005': { status: 'delivered', items_modified: false, cancel_reason: null, line1: '12 Pine St', total: 30000, items: ['TENT-2P x1 @30000'], payments: [pay('charge', 'card_ana', 30000)], request: null },
    'NW-1006': { status: 'processing', items_modified: false, cancel_reason: null, line1: '12 Pine St', total: 2500, items: ['TEE-BLU-M x1 @2500'], payments: [pay('charge', 'paypal_ana', 2500)], request: null },
    'NW-1007': { status: 'cancelled', items_modified: false, cancel_reason: 'no_longer_needed', line1: '5 Main St', total: 12900, items: ['BOOT-9 x1 @12900'], payments: [pay('charge', 'card_ben', 12900), pay('refund', 'card_ben', 12900)], request: null },
    'NW-1008': { status: 'exchange_requested', items_modified: false, cancel_reason: null, line1: '5 Main St', total: 2500, items: ['TEE-BLU-M x1 @2500'], payments: [pay('charge', 'gift_ben', 2500)], request: { kind: 'exchange', items: ['TEE-BLU-M'], new_items: ['TEE-RED-M'], payment_method_id: 'gift_ben', price_difference: 200, refund_amount: 0 } },
    'NW-1009': { status: 'cancelled', items_modified: false, cancel_reason: 'no_longer_needed', line1: '12 Pine St', total: 5000, items: ['TEE-BLU-M x1 @2500', 'TEE-BLU-L x1 @2500'], payments: [pay('charge', 'gift_ana', 1000), pay('charge', 'card_ana', 4000), pay('refund', 'gift_ana', 1000), pay('refund', 'card_ana', 4000)], request: null },
  },
  balances: { gift_ana: 8500, credit_ana: 0, gift_ben: 900 },
  default_addresses: { cus_ana: '9 Elm St', cus_ben: '5 Main St' },
  settlements: ['NW-1002 charge 2700 succeeded', 'NW-1002 refund 2700 succeeded', 'NW-1007 refund 12900 succeeded', 'NW-1009 refund 4000 succeeded'],
};

async function snapshot(runtime: Runtime) {
  const orders: Record<string, unknown> = {};
  const balances: Record<string, number> = {};
  const defaults: Record<string, string> = {};
  const settlements: string[] = [];
  for (const customerId of ['cus_ana', 'cus_ben']) {
    const customer = (await runtime.orders.getCustomer(customerId))!;
    for (const method of customer.payment_methods) if (method.balance !== undefined) balances[method.id] = method.balance;
    defaults[customerId] = customer.addresses.find((address) => address.default)!.line1;
    for (const order of await runtime.orders.listOrders(customerId)) {
      orders[order.number] = {
        status: order.status, items_modified: order.items_modified, cancel_reason: order.cancel_reason, line1: order.shipping_address.line1, total: order.total,
        items: order.line_items.map((line) => `${line.sku} x${line.quantity} @${line.unit_price}`),
        payments: order.payments.map((entry) => pay(entry.kind, entry.method_id, entry.amount)),
        request: order.request && { kind: order.request.kind, items: order.request.items, new_items: order.request.new_items, payment_method_id: order.request.payment_method_id, price_difference: order.request.price_difference, refund_amount: order.request.refund_amount },
      };
      for (const settlement of await runtime.orderActions.settlements(order.number)) settlements.push(`${settlement.order_number} ${settlement.kind} ${settlement.amount} ${settlement.status}`);
    }
  }
  return { orders: Object.fromEntries(Object.entries(orders).sort()), balances, default_addresses: defaults, settlements: settlements.sort() };
}

let shop: SupportHarness;
beforeAll(async () => { shop = await startSupport(); });
afterAll(() => shop.stop());

async function replay(again = false): Promise<void> {
  const tokens = { ana: await shop.token(), ben: await shop.token('ben.okoro@example.com', 'NW-1007') };
  for (const step of SCRIPT) {
    const call = shop.call<{ status: string }>(step.tool, { customer_token: tokens[step.who], ...step.args, confirm: true });
    // A refusal stores nothing, so on a second run it is judged again on the new state (still refused).
    if (step.refused) expect(await failure(call), `${step.tool} ${step.args.idempotency_key}`).toMatchObject(again ? { code: 'policy_violation' } : { details: { rule: step.refused } });
    else expect((await call).status, `${step.tool} ${step.args.idempotency_key}`).toBe('done');
  }
}

describe('scripted replay', () => {
  it('ends in exactly the expected orders, balances and payment history', async () => {
    await replay();
    expect(await snapshot(shop.runtime)).toEqual(EXPECTED);
  });

  it('changes nothing when replayed with the same idempotency keys', async () => {
    const auditRows = (await shop.runtime.audit.list({ limit: 10_000 })).filter((entry) => entry.action !== 'customer.verify').length;
    await replay(true);
    expect(await snapshot(shop.runtime)).toEqual(EXPECTED);
    expect((await shop.runtime.audit.list({ limit: 10_000 })).filter((entry) => entry.action !== 'customer.verify').length).toBe(auditRows);
  });
});

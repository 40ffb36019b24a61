import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approveHeldAction, denyHeldAction, receiveReturn } from '../../../src/flows/index.ts';
import { failure, startSupport, type SupportHarness } from '../../helpers/support.ts';

type Outcome = { status: string; summary: string; amounts: Record<string, number>; held_action_id?: string; escalation_id?: string; approval?: { reason: string; rule: string }; order?: { status: string; status_code: string; payments: unknown[]; return_request: Record<string, unknown> | null } };

let shop: SupportHarness;
let token: string;
beforeEach(async () => {
  shop = await startSupport();
  token = await shop.token();
});
afterEach(() => shop.stop());

const act = (tool: string, args: Record<string, unknown>) => shop.call<Outcome>(tool, { customer_token: token, ...args });
const agent = { actor: { kind: 'support_agent' as const, id: 'agent-7' }, channel: 'console' };

describe('return_items', () => {
  it('requests a return to the original card: label fee deducted, RMA created, no money moved yet', async () => {
    const preview = await act('return_items', { order_number: 'NW-1003', item_ids: ['BOOT-9', 'li_3'], payment_method_id: 'card_ana' });
    expect(preview).toMatchObject({ status: 'preview', amounts: { items: 15400, label_fee: 695, refund: 15400 - 695 } });
    const done = await act('return_items', { order_number: 'NW-1003', item_ids: ['li_3', 'BOOT-9'], payment_method_id: 'card_ana', confirm: true });
    expect(done.order).toMatchObject({ status: 'return requested', status_code: 'return_requested' });
    expect(done.order!.return_request).toMatchObject({ kind: 'return', rma: 'RMA-NW-1003', items: ['BOOT-9', 'li_3'], payment_method_id: 'card_ana', refund_amount: 14705, instructions: expect.stringContaining('RMA-NW-1003') });
    expect(done.order!.payments).toHaveLength(1);
  });

  it('waives the label fee for store credit and accepts a gift card as the destination', async () => {
    const toCredit = await act('return_items', { order_number: 'NW-1003', item_ids: ['BOOT-9'], payment_method_id: 'credit_ana' });
    expect(toCredit.amounts).toMatchObject({ label_fee: 0, refund: 12900 });
    const toGift = await act('return_items', { order_number: 'NW-1003', item_ids: ['BOOT-9'], payment_method_id: 'gift_ana' });
    expect(toGift.amounts.refund).toBe(12900);
  });

  it('refuses final-sale items, other refund destinations, undelivered orders and a second request', async () => {
    expect(await failure(act('return_items', { order_number: 'NW-1003', item_ids: ['JKT-M'], payment_method_id: 'card_ana' }))).toMatchObject({ details: { rule: 'returns.final_sale_tags', article: 'final-sale-items' } });
    expect(await failure(act('return_items', { order_number: 'NW-1003', item_ids: ['BOOT-9'], payment_method_id: 'paypal_ana' }))).toMatchObject({ details: { rule: 'returns.refund_destinations', article: 'returns-and-refunds' } });
    expect(await failure(act('return_items', { order_number: 'NW-1001', item_ids: ['BOOT-9'], payment_method_id: 'card_ana' }))).toMatchObject({ details: { rule: 'returns.status' } });
    expect(await failure(act('return_items', { order_number: 'NW-1003', item_ids: ['TENT-2P'], payment_method_id: 'card_ana' }))).toMatchObject({ code: 'invalid_input' });
    await act('return_items', { order_number: 'NW-1003', item_ids: ['BOOT-9'], payment_method_id: 'card_ana', confirm: true });
    expect(await failure(act('return_items', { order_number: 'NW-1003', item_ids: ['li_3'], payment_method_id: 'card_ana', confirm: true }))).toMatchObject({ details: { rule: 'returns.one_request_per_order' } });
    expect(await failure(act('exchange_items', { order_number: 'NW-1003', item_ids: ['li_3'], new_item_ids: ['TEE-BLU-M'], payment_method_id: 'card_ana' }))).toMatchObject({ details: { rule: 'exchanges.one_request_per_order' } });
  });

  it('refuses a return outside the window, and holds it for a person when the shopper contests', async () => {
    const refused = await failure(act('return_items', { order_number: 'NW-1004', item_ids: ['TEE-BLU-M'], payment_method_id: 'card_ana', confirm: true }));
    expect(refused).toMatchObject({ code: 'policy_violation', details: { rule: 'returns.window_days.us', article: 'returns-and-refunds', fix: expect.stringContaining('contest') } });
    const held = await act('return_items', { order_number: 'NW-1004', item_ids: ['TEE-BLU-M'], payment_method_id: 'card_ana', contest: true, confirm: true });
    expect(held).toMatchObject({ status: 'held', approval: { reason: 'outside_window' }, held_action_id: expect.any(String), escalation_id: expect.any(String) });
    expect((await shop.runtime.orders.getOrder('NW-1004'))!.status).toBe('delivered');
    const escalation = await shop.runtime.escalations.get(held.escalation_id!);
    expect(escalation).toMatchObject({ status: 'open', category: 'approval_required', order_number: 'NW-1004', held_action_id: held.held_action_id });
    const outcome = await approveHeldAction(shop.runtime, held.held_action_id!, agent);
    expect(outcome).toMatchObject({ status: 'done', amounts: held.amounts, order: { status_code: 'return_requested' } });
    expect(await shop.runtime.escalations.getHeld(held.held_action_id!)).toMatchObject({ status: 'executed', decided_by: 'agent-7' });
    expect((await shop.runtime.escalations.get(held.escalation_id!))!.status).toBe('resolved');
    expect(await failure(approveHeldAction(shop.runtime, held.held_action_id!, agent))).toMatchObject({ code: 'conflict' });
  });

  it('holds refunds above the approval threshold; a denial changes nothing', async () => {
    const preview = await act('return_items', { order_number: 'NW-1005', item_ids: ['TENT-2P'], payment_method_id: 'card_ana' });
    expect(preview.approval).toMatchObject({ reason: 'refund_over_threshold', rule: 'approval.refund_over' });
    const held = await act('return_items', { order_number: 'NW-1005', item_ids: ['TENT-2P'], payment_method_id: 'card_ana', confirm: true });
    expect(held.status).toBe('held');
    const again = await act('return_items', { order_number: 'NW-1005', item_ids: ['TENT-2P'], payment_method_id: 'card_ana', confirm: true });
    expect(again).toMatchObject({ status: 'held', held_action_id: held.held_action_id, replayed: true });
    await denyHeldAction(shop.runtime, held.held_action_id!, agent, 'used outdoors');
    expect((await shop.runtime.orders.getOrder('NW-1005'))!.status).toBe('delivered');
    expect(await shop.runtime.escalations.getHeld(held.held_action_id!)).toMatchObject({ status: 'denied' });
  });
});

describe('receiving the parcel', () => {
  const balanceOf = async (id: string) => (await shop.runtime.orders.getCustomer('cus_ana'))!.payment_methods.find((method) => method.id === id)!.balance;

  it('refunds a store-credit return at once, exactly once', async () => {
    await act('return_items', { order_number: 'NW-1003', item_ids: ['BOOT-9'], payment_method_id: 'credit_ana', confirm: true });
    const received = await receiveReturn(shop.runtime, 'NW-1003', agent);
    expect(received).toMatchObject({ status: 'done', amounts: { refund: 12900 } });
    expect(await balanceOf('credit_ana')).toBe(12900);
    expect((await receiveReturn(shop.runtime, 'NW-1003', agent)).replayed).toBe(true);
    expect(await balanceOf('credit_ana')).toBe(12900);
    expect((await shop.runtime.orders.getOrder('NW-1003'))!.payments.map((entry) => `${entry.kind} ${entry.method_id} ${entry.amount}`)).toEqual(['charge card_ana 23400', 'refund credit_ana 12900']);
  });

  it('refunds a card return through the payments provider, and charges an exchange difference', async () => {
    await act('return_items', { order_number: 'NW-1003', item_ids: ['TEE-BLU-L'], payment_method_id: 'card_ana', confirm: true });
    await receiveReturn(shop.runtime, 'NW-1003', agent);
    expect(await shop.runtime.orderActions.settlements('NW-1003')).toEqual([expect.objectContaining({ kind: 'refund', amount: 2500 - 695, status: 'succeeded', refund_of: 'pay_NW-1003_1' })]);
    await act('exchange_items', { order_number: 'NW-1005', item_ids: ['TENT-2P'], new_item_ids: ['TENT-3P'], payment_method_id: 'card_ana', confirm: true });
    expect((await receiveReturn(shop.runtime, 'NW-1005', agent)).amounts).toEqual({ charge: 6000 });
    expect(await shop.runtime.orderActions.settlements('NW-1005')).toEqual([expect.objectContaining({ kind: 'charge', amount: 6000, status: 'succeeded' })]);
    expect(await failure(receiveReturn(shop.runtime, 'NW-1004', agent))).toMatchObject({ code: 'policy_violation' });
  });
});

describe('exchange_items', () => {
  it('records the exchange with the per-item price difference; no new order, no money moved yet', async () => {
    const done = await act('exchange_items', { order_number: 'NW-1003', item_ids: ['BOOT-9', 'TEE-BLU-L'], new_item_ids: ['BOOT-10', 'TEE-RED-M'], payment_method_id: 'gift_ana', confirm: true });
    expect(done.order).toMatchObject({ status_code: 'exchange_requested', return_request: { kind: 'exchange', items: ['BOOT-9', 'TEE-BLU-L'], new_items: ['BOOT-10', 'TEE-RED-M'], price_difference: 1200, payment_method_id: 'gift_ana' } });
    expect(done.order!.payments).toHaveLength(1);
    expect((await shop.runtime.orders.listOrders('cus_ana')).length).toBe(7);
  });

  it('refuses other products, out-of-stock variants, final sale, an uncovered gift card and undelivered orders', async () => {
    expect(await failure(act('exchange_items', { order_number: 'NW-1003', item_ids: ['BOOT-9'], new_item_ids: ['TENT-3P'], payment_method_id: 'card_ana' }))).toMatchObject({ details: { rule: 'exchanges.same_product_only', article: 'exchanges' } });
    expect(await failure(act('exchange_items', { order_number: 'NW-1003', item_ids: ['TEE-BLU-L'], new_item_ids: ['TEE-RED-L'], payment_method_id: 'card_ana' }))).toMatchObject({ details: { rule: 'inventory.available' } });
    expect(await failure(act('exchange_items', { order_number: 'NW-1003', item_ids: ['JKT-M'], new_item_ids: ['JKT-L'], payment_method_id: 'card_ana' }))).toMatchObject({ details: { rule: 'returns.final_sale_tags' } });
    expect(await failure(act('exchange_items', { order_number: 'NW-1001', item_ids: ['BOOT-9'], new_item_ids: ['BOOT-10'], payment_method_id: 'card_ana' }))).toMatchObject({ details: { rule: 'exchanges.status' } });
    const ben = (await shop.call<{ customer_token: string }>('verify_customer', { email: 'ben.okoro@example.com', order_number: 'NW-1008' })).customer_token;
    await shop.runtime.sql.run("UPDATE payment_methods SET balance = 100 WHERE id = 'gift_ben'");
    expect(await failure(shop.call('exchange_items', { customer_token: ben, order_number: 'NW-1008', item_ids: ['TEE-BLU-M'], new_item_ids: ['TEE-RED-M'], payment_method_id: 'gift_ben' }))).toMatchObject({ details: { rule: 'payments.balance_covers_amount' } });
  });
});

describe('escalate_to_human', () => {
  it('opens one escalation per request, linked to the verified customer and order, with sensitive topics raised', async () => {
    const args = { customer_token: token, order_number: 'NW-1003', category: 'damaged_or_missing', reason: 'Boot sole came off, I got an injury', summary: 'Shopper reports a defect', transcript: [{ role: 'shopper', text: 'My boot broke' }] };
    const first = await shop.call<{ escalation_id: string; priority: string; created: boolean }>('escalate_to_human', args);
    const second = await shop.call<{ escalation_id: string; created: boolean }>('escalate_to_human', args);
    expect(first).toMatchObject({ priority: 'high', created: true });
    expect(second).toMatchObject({ escalation_id: first.escalation_id, created: false });
    const [listed] = await shop.runtime.escalations.list({ customer_id: 'cus_ana', status: 'open' });
    expect(listed).toMatchObject({ order_number: 'NW-1003', transcript: [{ role: 'shopper', text: 'My boot broke' }] });
    const claimed = await shop.runtime.escalations.setStatus(first.escalation_id, 'claimed', { ...agent, now: new Date() });
    expect(claimed).toMatchObject({ status: 'claimed', assignee: 'agent-7' });
    expect(await shop.runtime.escalations.list({ status: 'open' })).toHaveLength(0);
    expect(await failure(shop.call('escalate_to_human', { ...args, order_number: 'NW-1007' }))).toMatchObject({ code: 'not_found' });
  });
});

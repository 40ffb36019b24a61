import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, startSupport, type SupportHarness } from '../../helpers/support.ts';

type Outcome = { status: string; summary: string; amounts: Record<string, number>; policy: { rule: string; article: { id: string; url: string | null } }; order?: Order };
type Order = { status: string; status_code: string; items: Array<{ item_id: string; sku: string; quantity: number; unit_price: number }>; payments: Array<{ kind: string; amount: number; payment_method_id: string }>; shipping_address: Record<string, unknown>; cancel_reason: string | null; totals: { total: number } };

let shop: SupportHarness;
let token: string;
beforeEach(async () => {
  shop = await startSupport();
  token = await shop.token();
});
afterEach(() => shop.stop());

const balance = async (id: string) => (await shop.runtime.orders.getCustomer(id.endsWith('ben') ? 'cus_ben' : 'cus_ana'))!.payment_methods.find((method) => method.id === id)!.balance;
const order = (number: string) => shop.call<Order>('get_order', { customer_token: token, order_number: number });
const act = (tool: string, args: Record<string, unknown>) => shop.call<Outcome>(tool, { customer_token: token, ...args });

describe('cancel_order', () => {
  it('previews without changing anything, then cancels and refunds each payment to its source', async () => {
    const preview = await act('cancel_order', { order_number: 'NW-1001', reason: 'no longer needed' });
    expect(preview).toMatchObject({ status: 'preview', amounts: { refund_total: 17900 }, policy: { rule: 'cancellation.allowed_statuses', article: { id: 'cancel-or-change-an-order', url: expect.stringContaining('cancel-or-change') } } });
    expect((await order('NW-1001')).status).toBe('pending');
    const done = await act('cancel_order', { order_number: 'NW-1001', reason: 'no longer needed', confirm: true });
    expect(done.status).toBe('done');
    expect(done.order).toMatchObject({ status: 'cancelled', cancel_reason: 'no_longer_needed' });
    expect(done.order!.payments).toEqual([
      expect.objectContaining({ kind: 'charge', amount: 17900, payment_method_id: 'card_ana' }),
      expect.objectContaining({ kind: 'refund', amount: 17900, payment_method_id: 'card_ana' }),
    ]);
    const settlements = await shop.runtime.orderActions.settlements('NW-1001');
    expect(settlements).toEqual([expect.objectContaining({ kind: 'refund', amount: 17900, status: 'succeeded' })]);
    const audit = await shop.runtime.audit.list({ subject_type: 'order', subject_id: 'NW-1001' });
    expect(audit.map((entry) => entry.action)).toEqual(['order.cancel', 'payment.refund.succeeded']);
    expect(audit.slice(0, 1)).toEqual([expect.objectContaining({ action: 'order.cancel', channel: 'test', customer_id: 'cus_ana', before: expect.objectContaining({ status: 'pending' }), after: expect.objectContaining({ status: 'cancelled' }) })]);
  });

  it('credits gift cards at once, and refunds split payments per payment', async () => {
    await act('cancel_order', { order_number: 'NW-1002', reason: 'ordered_by_mistake', confirm: true });
    expect(await balance('gift_ana')).toBe(5000 + 2700);
    const split = await act('cancel_order', { order_number: 'NW-1009', reason: 'Ordered by mistake', confirm: true });
    expect(split.order!.payments.filter((entry) => entry.kind === 'refund')).toEqual([
      expect.objectContaining({ amount: 1000, payment_method_id: 'gift_ana' }), expect.objectContaining({ amount: 4000, payment_method_id: 'card_ana' }),
    ]);
    expect(await balance('gift_ana')).toBe(5000 + 2700 + 1000);
  });

  it('refuses other reasons, processing/delivered orders and item-modified orders, naming the rule and article', async () => {
    expect(await failure(act('cancel_order', { order_number: 'NW-1001', reason: 'found it cheaper', confirm: true }))).toMatchObject({ code: 'policy_violation', details: { rule: 'cancellation.reasons', article: 'cancel-or-change-an-order', article_url: expect.any(String) } });
    expect(await failure(act('cancel_order', { order_number: 'NW-1006', reason: 'no longer needed' }))).toMatchObject({ code: 'policy_violation', details: { rule: 'cancellation.allowed_statuses' } });
    expect(await failure(act('cancel_order', { order_number: 'NW-1003', reason: 'no longer needed' }))).toMatchObject({ code: 'policy_violation', message: expect.stringMatching(/delivered/) });
    await act('modify_order_items', { order_number: 'NW-1001', item_ids: ['BOOT-9'], new_item_ids: ['BOOT-10'], payment_method_id: 'card_ana', confirm: true });
    expect(await failure(act('cancel_order', { order_number: 'NW-1001', reason: 'no longer needed', confirm: true }))).toMatchObject({ message: expect.stringMatching(/already modified/) });
    expect((await order('NW-1001')).status).toBe('pending (item modified)');
  });
});

describe('modify_order_address', () => {
  const address = { name: 'Ana Silva', line1: '1 Lake Rd', city: 'Stowe', region: 'VT', postal_code: '05672', country: 'us' };

  it('replaces the address of a pending order, also after its items were modified', async () => {
    await act('modify_order_items', { order_number: 'NW-1001', item_ids: ['BOOT-9'], new_item_ids: ['BOOT-10'], payment_method_id: 'card_ana', confirm: true });
    const done = await act('modify_order_address', { order_number: 'NW-1001', address, confirm: true });
    expect(done.order!.shipping_address).toMatchObject({ line1: '1 Lake Rd', country: 'US' });
  });

  it('without explicit keys: a retry replays, but A, B, then A again really changes it back', async () => {
    const other = { ...address, line1: '2 River Rd' };
    const first = await act('modify_order_address', { order_number: 'NW-1001', address, confirm: true });
    const retry = await shop.call<{ replayed?: boolean }>('modify_order_address', { customer_token: token, order_number: 'NW-1001', address, confirm: true });
    expect(retry.replayed).toBe(true);
    await act('modify_order_address', { order_number: 'NW-1001', address: other, confirm: true });
    const back = await act('modify_order_address', { order_number: 'NW-1001', address, confirm: true });
    expect(first.order!.shipping_address.line1).toBe('1 Lake Rd');
    expect(back.order!.shipping_address.line1).toBe('1 Lake Rd');
    expect((await order('NW-1001')).shipping_address.line1).toBe('1 Lake Rd');
    expect(await shop.runtime.audit.list({ subject_id: 'NW-1001' })).toHaveLength(3);
  });

  it('refuses another country and non-pending orders', async () => {
    expect(await failure(act('modify_order_address', { order_number: 'NW-1001', address: { ...address, country: 'CA' } }))).toMatchObject({ details: { rule: 'modification.address_same_country', article: 'change-shipping-address' } });
    expect(await failure(act('modify_order_address', { order_number: 'NW-1006', address }))).toMatchObject({ details: { rule: 'modification.address_statuses' } });
  });
});

describe('modify_order_payment', () => {
  it('charges the new method and refunds the old one, adjusting gift card balances', async () => {
    const done = await act('modify_order_payment', { order_number: 'NW-1002', payment_method_id: 'card_ana', confirm: true });
    expect(done.order!.payments.slice(1)).toEqual([
      expect.objectContaining({ kind: 'charge', amount: 2700, payment_method_id: 'card_ana' }), expect.objectContaining({ kind: 'refund', amount: 2700, payment_method_id: 'gift_ana' }),
    ]);
    expect(await balance('gift_ana')).toBe(7700);
    expect(await shop.runtime.orderActions.settlements('NW-1002')).toEqual([expect.objectContaining({ kind: 'charge', amount: 2700, status: 'succeeded' })]);
  });

  it('refuses the same method, a gift card that does not cover the order, and a second change', async () => {
    expect(await failure(act('modify_order_payment', { order_number: 'NW-1001', payment_method_id: 'card_ana' }))).toMatchObject({ details: { rule: 'modification.different_method' } });
    expect(await failure(act('modify_order_payment', { order_number: 'NW-1001', payment_method_id: 'gift_ana' }))).toMatchObject({ details: { rule: 'payments.balance_covers_amount', article: 'gift-cards-and-store-credit' } });
    expect(await failure(act('modify_order_payment', { order_number: 'NW-1001', payment_method_id: 'card_ben' }))).toMatchObject({ code: 'invalid_input', details: { field: 'payment_method_id' } });
    await act('modify_order_payment', { order_number: 'NW-1001', payment_method_id: 'paypal_ana', confirm: true });
    expect(await failure(act('modify_order_payment', { order_number: 'NW-1001', payment_method_id: 'card_ana', confirm: true }))).toMatchObject({ details: { rule: 'modification.single_payment' } });
    expect(await failure(act('modify_order_payment', { order_number: 'NW-1006', payment_method_id: 'card_ana' }))).toMatchObject({ details: { rule: 'modification.address_statuses' } });
  });
});

describe('modify_order_items', () => {
  it('prices each replaced unit at its own new variant and charges the difference', async () => {
    const done = await act('modify_order_items', { order_number: 'NW-1001', item_ids: ['TEE-BLU-M', 'li_2'], new_item_ids: ['TEE-RED-M', 'BOOT-10'], payment_method_id: 'card_ana', confirm: true });
    expect(done.amounts).toEqual({ price_difference: 200 + 1000 });
    expect(done.order!.items.map(({ sku, quantity, unit_price }) => ({ sku, quantity, unit_price }))).toEqual([
      { sku: 'TEE-BLU-M', quantity: 1, unit_price: 2500 }, { sku: 'BOOT-10', quantity: 1, unit_price: 13900 }, { sku: 'TEE-RED-M', quantity: 1, unit_price: 2700 },
    ]);
    expect(done.order!.payments.at(-1)).toMatchObject({ kind: 'charge', amount: 1200, payment_method_id: 'card_ana' });
    expect(done.order!.status).toBe('pending (item modified)');
    expect(done.order!.totals.total).toBe(17900 + 1200);
  });

  it('refunds a negative difference to a gift card at once', async () => {
    const done = await act('modify_order_items', { order_number: 'NW-1002', item_ids: ['TEE-RED-M'], new_item_ids: ['TEE-BLU-M'], payment_method_id: 'gift_ana', confirm: true });
    expect(done.order!.payments.at(-1)).toMatchObject({ kind: 'refund', amount: 200, payment_method_id: 'gift_ana' });
    expect(await balance('gift_ana')).toBe(5200);
  });

  it('refuses out-of-stock and other-product variants, an uncovered gift card, missing items and a second modification', async () => {
    expect(await failure(act('modify_order_items', { order_number: 'NW-1001', item_ids: ['TEE-BLU-M'], new_item_ids: ['TEE-RED-L'], payment_method_id: 'card_ana' }))).toMatchObject({ details: { rule: 'inventory.available' } });
    expect(await failure(act('modify_order_items', { order_number: 'NW-1001', item_ids: ['TEE-BLU-M'], new_item_ids: ['BOOT-10'], payment_method_id: 'card_ana' }))).toMatchObject({ details: { rule: 'modification.same_product' } });
    expect(await failure(act('modify_order_items', { order_number: 'NW-1007', item_ids: ['BOOT-9'], new_item_ids: ['BOOT-10'], payment_method_id: 'gift_ana' }))).toMatchObject({ code: 'not_found' });
    const shopBen = await shop.call<{ customer_token: string }>('verify_customer', { email: 'ben.okoro@example.com', order_number: 'NW-1007' });
    expect(await failure(shop.call('modify_order_items', { customer_token: shopBen.customer_token, order_number: 'NW-1007', item_ids: ['BOOT-9'], new_item_ids: ['BOOT-10'], payment_method_id: 'gift_ben' }))).toMatchObject({ details: { rule: 'payments.balance_covers_amount' } });
    expect(await failure(act('modify_order_items', { order_number: 'NW-1001', item_ids: ['TEE-BLU-M', 'TEE-BLU-M', 'TEE-BLU-M'], new_item_ids: ['TEE-BLU-L', 'TEE-BLU-L', 'TEE-BLU-L'], payment_method_id: 'card_ana' }))).toMatchObject({ code: 'invalid_input', details: { field: 'item_ids.2' } });
    await act('modify_order_items', { order_number: 'NW-1001', item_ids: ['TEE-BLU-M', 'TEE-BLU-M'], new_item_ids: ['TEE-BLU-L', 'TEE-BLU-L'], payment_method_id: 'card_ana', confirm: true });
    expect(await failure(act('modify_order_items', { order_number: 'NW-1001', item_ids: ['BOOT-9'], new_item_ids: ['BOOT-10'], payment_method_id: 'card_ana' }))).toMatchObject({ details: { rule: 'modification.items_once' } });
    expect(await failure(act('modify_order_items', { order_number: 'NW-1006', item_ids: ['TEE-BLU-M'], new_item_ids: ['TEE-BLU-L'], payment_method_id: 'card_ana' }))).toMatchObject({ details: { rule: 'modification.items_statuses' } });
  });

  it('records a zero difference as a zero refund, as the reference domain does', async () => {
    const done = await act('modify_order_items', { order_number: 'NW-1001', item_ids: ['TEE-BLU-M'], new_item_ids: ['TEE-BLU-L'], payment_method_id: 'card_ana', confirm: true });
    expect(done.order!.payments.at(-1)).toMatchObject({ kind: 'refund', amount: 0, payment_method_id: 'card_ana' });
    expect(await shop.runtime.orderActions.settlements('NW-1001')).toEqual([]);
  });
});

describe('update_default_address', () => {
  it('previews, then replaces the default address without touching orders', async () => {
    const address = { name: 'Ana Silva', line1: '9 Elm St', city: 'Montpelier', region: 'VT', postal_code: '05602', country: 'US' };
    expect((await shop.call<{ status: string }>('update_default_address', { customer_token: token, address })).status).toBe('preview');
    expect((await shop.call<{ status: string }>('update_default_address', { customer_token: token, address, confirm: true })).status).toBe('done');
    const profile = await shop.call<{ default_address: Record<string, unknown> }>('get_customer', { customer_token: token });
    expect(profile.default_address).toMatchObject({ id: 'addr_ana', line1: '9 Elm St', default: true });
    expect((await order('NW-1001')).shipping_address).toMatchObject({ line1: '12 Pine St' });
  });
});

import { describe, expect, it } from 'vitest';
import { CheckoutService, CheckoutStore, TRANSITIONS, allocate, canTransition, checkoutMigrations, priceCart, type ItemFacts } from '../../../src/checkout/index.ts';
import { merchantSchema } from '../../../src/config/index.ts';
import { migrate, openSqlite, sqliteSql, type Clock } from '../../../src/platform/index.ts';

const merchant = merchantSchema.parse({
  name: 'Test Outfitters', url: 'https://shop.example', currency: 'USD', locales: ['en'], support: { email: 'help@shop.example' },
  shipping: { zones: [{ id: 'us', countries: ['US'], rates: [{ id: 'standard', title: 'Standard', price: 695, free_over: 9900, min_days: 3, max_days: 6 }, { id: 'express', title: 'Express', price: 1995, min_days: 1, max_days: 2 }] }] },
  tax: [{ region: 'US-VT', rate_bps: 600 }],
  discounts: [{ code: 'TRAIL10', type: 'percent', value: 10, min_subtotal: 5000 }, { code: 'WELCOME15', type: 'fixed', value: 1500, min_subtotal: 7500 }],
});
const item = (id: string, unit: number, available: number | null = 100): ItemFacts => ({ id, sku: id, product_id: `p-${id}`, variant_id: id, title: id, unit_amount: unit, image: null, url: null, requires_shipping: true, taxable: true, available });
const VT = { name: 'A', line_one: '1 Main', city: 'Burlington', state: 'VT', country: 'US', postal_code: '05401' };
const now = new Date('2026-11-27T12:00:00Z'); // a Friday

describe('pricing', () => {
  it('follows the ACP arithmetic with per-line discount allocation and tax by region', () => {
    const priced = priceCart(merchant, { lines: [{ item: item('a', 3333), quantity: 2 }, { item: item('b', 3334), quantity: 1 }], address: VT, selected_option_id: null, codes: ['trail10'], now });
    const t = priced.totals;
    expect(t.items_base_amount).toBe(10_000);
    expect(t.items_discount).toBe(1000);
    expect(priced.line_items.map((line) => line.discount)).toEqual([667, 333]);
    expect(t.subtotal).toBe(t.items_base_amount - t.items_discount);
    expect(priced.selected_option_id).toBe('us-standard'); // cheapest is selected by default
    // 9000 after the discount is under free_over (9900): shipping is charged, and taxed.
    expect(t.fulfillment).toBe(695);
    expect(priced.line_items.map((line) => line.tax)).toEqual([360, 180]);
    expect(t.tax).toBe(360 + 180 + 42);
    expect(t.total).toBe(t.subtotal + t.fulfillment + t.tax);
    const free = priceCart(merchant, { lines: [{ item: item('a', 9900), quantity: 1 }], address: VT, selected_option_id: null, codes: [], now });
    expect(free.totals.fulfillment).toBe(0);
  });

  it('charges shipping under the free_over threshold and taxes it in the buyer region', () => {
    const priced = priceCart(merchant, { lines: [{ item: item('a', 2000), quantity: 1 }], address: VT, selected_option_id: 'us-express', codes: [], now });
    expect(priced.totals).toEqual({ items_base_amount: 2000, items_discount: 0, subtotal: 2000, fulfillment: 1995, tax: 120 + 120, total: 2000 + 1995 + 240 });
    expect(priced.fulfillment_options[0]).toMatchObject({ earliest_delivery_time: '2026-12-02T12:00:00.000Z', latest_delivery_time: '2026-12-07T12:00:00.000Z' });
  });

  it('rejects unknown codes, codes under their minimum and a second code', () => {
    const priced = priceCart(merchant, { lines: [{ item: item('a', 6000), quantity: 1 }], address: null, selected_option_id: null, codes: ['NOPE', 'WELCOME15', 'TRAIL10', 'trail10'], now });
    expect(priced.rejected.map((rejected) => rejected.reason)).toEqual(['discount_code_invalid', 'discount_code_minimum_not_met', 'discount_code_combination_disallowed']);
    expect(priced.applied.map((applied) => applied.code)).toEqual(['TRAIL10']);
    expect(priced.fulfillment_options).toEqual([]);
  });

  it('allocates remainders without losing a cent', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(7, [0, 0])).toEqual([0, 0]);
  });
});

describe('state machine', () => {
  it('has no way out of terminal states and cannot skip payment', () => {
    for (const terminal of ['completed', 'canceled', 'expired'] as const) expect(TRANSITIONS[terminal]).toEqual([]);
    expect(canTransition('not_ready_for_payment', 'completed')).toBe(false);
    expect(canTransition('ready_for_payment', 'completed')).toBe(false);
    expect(canTransition('complete_in_progress', 'completed')).toBe(true);
  });
});

describe('expiry', () => {
  it('gives held stock back when a session expires', async () => {
    const db = openSqlite(':memory:');
    migrate(db, checkoutMigrations);
    let stock = 5;
    const catalog = {
      lookup: async (id: string) => (id === 'a' ? item('a', 1000, stock) : null),
      take: async (_id: string, quantity: number) => (stock >= quantity ? ((stock -= quantity), true) : false),
      give: async (_id: string, quantity: number) => void (stock += quantity),
    };
    let at = now;
    const clock: Clock = { now: () => new Date(at) };
    const service = new CheckoutService(new CheckoutStore(sqliteSql(db)), catalog, merchant, clock);
    const session = await service.create('test', { lines: [{ id: 'a', quantity: 2 }], address: VT });
    expect(session.status).toBe('ready_for_payment');
    expect(stock).toBe(3);
    at = new Date(now.getTime() + 7 * 3600_000);
    expect(await service.expireStale()).toBe(1);
    expect((await service.get(session.id)).status).toBe('expired');
    expect(stock).toBe(5);
    db.close();
  });
});

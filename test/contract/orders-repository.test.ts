import { expect, it } from 'vitest';
import { SqlOrdersRepository, ordersMigrations } from '../../src/orders/index.ts';
import { onEveryDatabase } from '../helpers/databases.ts';
import { customer, order } from './fixtures/orders.ts';

await onEveryDatabase('OrdersRepository contract', ordersMigrations, (open) => {
  it('imports customers and orders, reads them back whole, and counts what changed on re-import', async () => {
    const orders = new SqlOrdersRepository((await open()).sql);
    expect(await orders.upsertCustomers([customer('cus_a'), customer('cus_b', { email: 'b@example.com', first_name: 'Bruno' })])).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(await orders.upsertOrders([order('NW-1', 'cus_a'), order('NW-2', 'cus_a', { created_at: '2026-11-05T10:00:00.000Z' }), order('NW-3', 'cus_b')]))
      .toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(await orders.upsertOrders([order('NW-1', 'cus_a'), order('NW-3', 'cus_b', { status: 'shipped' })])).toEqual({ created: 0, updated: 1, unchanged: 1 });
    expect(await orders.upsertCustomers([customer('cus_a')])).toEqual({ created: 0, updated: 0, unchanged: 1 });

    const stored = await orders.getOrder(' nw-1 ');
    expect(stored).toEqual(order('NW-1', 'cus_a'));
    expect((await orders.getOrder('NW-3'))!.status).toBe('shipped');
    expect(await orders.getOrder('NW-404')).toBeNull();
    const ana = await orders.getCustomer('cus_a');
    expect(ana).toMatchObject({ id: 'cus_a', email: 'cus_a@example.com', locale: 'en' });
    expect(ana!.payment_methods).toEqual([{ id: 'card_cus_a', type: 'card', brand: 'visa', last4: '4242' }, { id: 'gift_cus_a', type: 'gift_card', balance: 5000 }]);
    expect(await orders.counts()).toEqual({ customers: 2, orders: 3, by_status: { pending: 2, shipped: 1 } });
  });

  it('lists a customer\'s orders newest first and never another customer\'s', async () => {
    const orders = new SqlOrdersRepository((await open()).sql);
    await orders.upsertCustomers([customer('cus_a'), customer('cus_b', { email: 'b@example.com' })]);
    await orders.upsertOrders([order('NW-1', 'cus_a'), order('NW-2', 'cus_a', { created_at: '2026-11-05T10:00:00.000Z' }), order('NW-3', 'cus_b')]);
    expect((await orders.listOrders('cus_a')).map((item) => item.number)).toEqual(['NW-2', 'NW-1']);
    expect((await orders.listOrders('cus_b')).map((item) => item.number)).toEqual(['NW-3']);
    expect(await orders.listOrders('cus_nobody')).toEqual([]);
  });

  it('finds customers by email and by name regardless of case, and knows which ids exist', async () => {
    const orders = new SqlOrdersRepository((await open()).sql);
    await orders.upsertCustomers([customer('cus_a'), customer('cus_b', { email: 'b@example.com', first_name: 'Bruno' })]);
    expect((await orders.findCustomerByEmail(' CUS_A@example.COM '))!.id).toBe('cus_a');
    expect(await orders.findCustomerByEmail('nobody@example.com')).toBeNull();
    expect((await orders.findCustomersByName('ANA', 'lima')).map((item) => item.id)).toEqual(['cus_a']);
    expect((await orders.findCustomersByName('bruno', 'LIMA')).map((item) => item.id)).toEqual(['cus_b']);
    const many = Array.from({ length: 1200 }, (_, index) => `cus_x${index}`);
    expect([...await orders.existingCustomerIds([...many, 'cus_b', 'cus_a'])].sort()).toEqual(['cus_a', 'cus_b']);
  });
});

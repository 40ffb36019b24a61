import { expect, it } from 'vitest';
import { SqlOrdersRepository, ordersMigrations } from '../../src/orders/index.ts';
import { customer, order } from '../contract/fixtures/orders.ts';
import { onEveryDatabase } from '../helpers/databases.ts';

/*
 * Finding 1, data already written: checkout orders completed before the fix were attached to the
 * account with the buyer's email. The migration moves each to a guest record of its own, so its
 * number + email stop proving the account.
 */
const before = ordersMigrations.filter((migration) => migration.id < 'orders/003');

await onEveryDatabase('guest buyers migration', before, (open) => {
  it('moves checkout orders (agent-platform charges) off the account they were attached to', async () => {
    const storage = await open();
    const orders = new SqlOrdersRepository(storage.sql);
    await orders.upsertCustomers([customer('cus_victim', { email: 'victim@example.com' })]);
    await orders.upsertOrders([
      order('NW-1', 'cus_victim'),
      order('AC-0000000001', 'cus_victim', {
        shipping_address: { name: 'Mallory Example', line1: '9 Drop Box Rd', line2: '', city: 'Newark', region: 'NJ', postal_code: '07102', country: 'US' },
        payments: [{ id: 'ch_acp', kind: 'charge', method_id: 'acp:demo-agent', amount: 12500, created_at: '2026-11-01T10:00:00.000Z' }],
      }),
    ]);
    await storage.migrate(ordersMigrations);

    const moved = (await orders.getOrder('AC-0000000001'))!;
    expect(moved.customer_id).not.toBe('cus_victim');
    expect(await orders.getCustomer(moved.customer_id)).toMatchObject({ guest: true, email: 'victim@example.com', first_name: 'Mallory Example', addresses: [], payment_methods: [] });
    expect((await orders.listOrders('cus_victim')).map((item) => item.number)).toEqual(['NW-1']);
    expect((await orders.findCustomerByEmail('victim@example.com'))!.id).toBe('cus_victim');
    expect((await orders.findCustomersByName('Mallory Example', '-'))).toEqual([]);
  });
});

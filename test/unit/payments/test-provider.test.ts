import { describe, expect, it } from 'vitest';
import { TEST_TOKENS, TestPaymentsProvider, paymentsMigrations } from '../../../src/payments/index.ts';
import { migrate, openSqlite, sqliteSql } from '../../../src/platform/index.ts';

function provider() {
  const db = openSqlite(':memory:');
  migrate(db, paymentsMigrations);
  return new TestPaymentsProvider(sqliteSql(db));
}

describe('test payments provider', () => {
  it('charges a test token once per idempotency key', async () => {
    const payments = provider();
    const request = { amount: 12900, currency: 'USD', token: TEST_TOKENS.success, idempotencyKey: 'k1' };
    const first = await payments.charge(request);
    expect(first).toMatchObject({ status: 'succeeded', amount: 12900 });
    expect(await payments.charge(request)).toEqual(first);
  });

  it('refuses to reuse a key for a different amount', async () => {
    const payments = provider();
    await payments.charge({ amount: 100, currency: 'USD', token: TEST_TOKENS.success, idempotencyKey: 'k' });
    await expect(payments.charge({ amount: 200, currency: 'USD', token: TEST_TOKENS.success, idempotencyKey: 'k' })).rejects.toThrow(/already used/);
  });

  it('declines, asks for authentication or rejects unknown tokens as the magic tokens say', async () => {
    const payments = provider();
    expect(await payments.charge({ amount: 1, currency: 'USD', token: TEST_TOKENS.card_declined, idempotencyKey: 'a' })).toMatchObject({ status: 'declined', code: 'card_declined' });
    expect(await payments.charge({ amount: 1, currency: 'USD', token: TEST_TOKENS.insufficient_funds, idempotencyKey: 'b' })).toMatchObject({ status: 'declined', code: 'insufficient_funds' });
    expect(await payments.charge({ amount: 1, currency: 'USD', token: TEST_TOKENS.requires_action, idempotencyKey: 'c' })).toMatchObject({ status: 'requires_action' });
    expect(await payments.charge({ amount: 1, currency: 'USD', token: 'pm_card_visa', idempotencyKey: 'd' })).toMatchObject({ status: 'declined', code: 'invalid_token' });
  });

  it('refunds idempotently', async () => {
    const payments = provider();
    const refund = { chargeId: 'ch_1', amount: 500, currency: 'USD', idempotencyKey: 'r1' };
    const first = await payments.refund(refund);
    expect(first).toMatchObject({ status: 'succeeded', amount: 500 });
    expect(await payments.refund(refund)).toEqual(first);
  });
});

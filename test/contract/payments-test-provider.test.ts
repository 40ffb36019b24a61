import { expect, it } from 'vitest';
import { TEST_TOKENS, TestPaymentsProvider, paymentsMigrations, type ChargeResult } from '../../src/payments/index.ts';
import { onEveryDatabase } from '../helpers/databases.ts';
import { otherProcess } from '../helpers/other-process.ts';

await onEveryDatabase('TestPaymentsProvider contract', paymentsMigrations, (open) => {
  it('answers a repeated key with the stored result, and refuses a key reused for another request', async () => {
    const payments = new TestPaymentsProvider((await open()).sql);
    const request = { amount: 12900, currency: 'USD', token: TEST_TOKENS.success, idempotencyKey: 'k1' };
    const first = await payments.charge(request);
    expect(first).toMatchObject({ status: 'succeeded', amount: 12900 });
    expect(await payments.charge(request)).toEqual(first);
    await expect(payments.charge({ ...request, amount: 100 })).rejects.toThrow(/already used/);
    await expect(payments.refund({ chargeId: 'ch', amount: 12900, currency: 'USD', idempotencyKey: 'k1' })).rejects.toThrow(/already used/);
    expect(await payments.charge({ ...request, idempotencyKey: 'k2', token: TEST_TOKENS.card_declined })).toMatchObject({ status: 'declined', code: 'card_declined' });
  });

  it('one key charged concurrently from two processes charges once', async () => {
    const storage = await open();
    const payments = new TestPaymentsProvider(storage.sql);
    const other = await otherProcess(storage);
    const request = { amount: 500, currency: 'USD', token: TEST_TOKENS.success, idempotencyKey: 'race' };
    const [theirs, ours] = await Promise.all([
      other.run<ChargeResult[]>('charge', { requests: Array.from({ length: 10 }, () => request) }),
      Promise.all(Array.from({ length: 10 }, () => payments.charge(request))),
    ]);
    const ids = new Set([...theirs, ...ours].map((result) => (result.status === 'succeeded' ? result.id : result.status)));
    expect(ids.size).toBe(1);
    expect(Number((await storage.sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM test_provider_operations'))!.n)).toBe(1);
  });
});

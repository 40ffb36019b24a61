import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acpClient } from '../helpers/acp.ts';
import { DEMO_MERCHANT, tempDir } from '../helpers/paths.ts';
import { startTestServer } from '../helpers/server.ts';

/*
 * Low finding: discount codes had no usage limits, so a "first order" code worked on every order
 * of every customer. merchant.yaml now says max_uses, once_per_customer and first_order_only,
 * enforced when the order is paid, atomically (concurrent completes cannot exceed them).
 */
const merchantDir = tempDir();
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  cpSync(DEMO_MERCHANT, merchantDir.path, { recursive: true });
  const file = join(merchantDir.path, 'merchant.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/discounts:\n( {2}- .*\n)+/, [
    'discounts:',
    '  - { code: LIMITED2, type: fixed, value: 500, max_uses: 2 }',
    '  - { code: ONCEEACH, type: fixed, value: 500, once_per_customer: true }',
    '  - { code: WELCOME15, type: fixed, value: 1500, first_order_only: true }',
    '',
  ].join('\n')));
  server = await startTestServer({ merchant: merchantDir.path });
});
afterAll(async () => {
  await server.stop();
  merchantDir.cleanup();
});

const VT = { name: 'Code User', line_one: '1 Main St', city: 'Burlington', state: 'VT', country: 'US', postal_code: '05401' };
const PAY = { payment_data: { handler_id: 'card_spt', instrument: { type: 'card', credential: { type: 'spt', token: 'spt_test_visa' } } } };

async function buy(code: string | null, email: string) {
  const acp = acpClient(server.url, '2026-04-17');
  const created = await acp('POST', '/checkout_sessions', { line_items: [{ id: 'NW-STM32-BLK' }], capabilities: {}, buyer: { email }, fulfillment_details: { name: 'Code User', address: VT }, ...(code ? { discounts: { codes: [code] } } : {}) });
  if (code) expect(created.body.discounts.applied.map((applied: { code: string }) => applied.code)).toEqual([code]);
  return acp('POST', `/checkout_sessions/${created.body.id}/complete`, PAY);
}

const charges = async () => Number((await server.runtime.sql.get<{ n: number }>("SELECT COUNT(*) AS n FROM test_provider_operations WHERE kind = 'charge'"))!.n);

describe('discount usage limits', () => {
  it('max_uses holds under concurrent completes', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, (_, index) => buy('LIMITED2', `limited${index}@example.com`)));
    const completed = results.filter((result) => result.body.status === 'completed');
    expect(completed).toHaveLength(2);
    for (const refused of results.filter((result) => result.body.status !== 'completed')) {
      expect(JSON.stringify(refused.body.messages)).toMatch(/LIMITED2/);
    }
    expect(await charges()).toBe(2);
  });

  it('once_per_customer refuses the second order of the same shopper, before charging', async () => {
    const before = await charges();
    expect((await buy('ONCEEACH', 'once@example.com')).body.status).toBe('completed');
    const second = await buy('ONCEEACH', 'Once@Example.com');
    expect(second.body.status).not.toBe('completed');
    expect(JSON.stringify(second.body.messages)).toMatch(/ONCEEACH/);
    expect(await charges()).toBe(before + 1);
    expect((await buy('ONCEEACH', 'someone.else@example.com')).body.status).toBe('completed');
  });

  it('first_order_only refuses a customer who already ordered', async () => {
    const repeat = await buy('WELCOME15', 'maya.lefebvre@example.com');
    expect(repeat.body.status).not.toBe('completed');
    expect(JSON.stringify(repeat.body.messages)).toMatch(/first order/);
    expect((await buy('WELCOME15', 'brand.new@example.com')).body.status).toBe('completed');
    expect((await buy('WELCOME15', 'brand.new@example.com')).body.status).not.toBe('completed');
  });

  it('first_order_only counts an earlier guest checkout with the same email', async () => {
    expect((await buy(null, 'guest.before@example.com')).body.status).toBe('completed');
    const second = await buy('WELCOME15', 'Guest.Before@example.com');
    expect(second.body.status).not.toBe('completed');
    expect(JSON.stringify(second.body.messages)).toMatch(/first order/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QC_ADDRESS, acpClient } from '../helpers/acp.ts';
import { TEA_SHOP } from '../helpers/paths.ts';
import { startTestServer } from '../helpers/server.ts';

/* Finding 12: one platform's key could read, change, pay and cancel another platform's sessions. */
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ merchant: TEA_SHOP, env: { SHOPKEEPER_ACP_API_KEYS: 'alpha:key_alpha_0123456789,beta:key_beta_0123456789' } });
});
afterAll(() => server.stop());

describe('ACP sessions belong to the platform that created them', () => {
  it('answers 404 to another platform for get, update, complete and cancel', async () => {
    const alpha = acpClient(server.url, '2026-04-17');
    const beta = acpClient(server.url, '2026-04-17');
    const as = (key: string) => ({ Authorization: `Bearer ${key}` });
    const created = await alpha('POST', '/checkout_sessions', { currency: 'cad', line_items: [{ id: 'HL-SEN-50' }], capabilities: {}, buyer: { email: 'scope@example.com' }, fulfillment_details: { name: 'Scope Test', address: QC_ADDRESS } }, as('key_alpha_0123456789'));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const pay = { payment_data: { handler_id: 'card_spt', instrument: { type: 'card', credential: { type: 'spt', token: 'spt_test_visa' } } } };
    const attempts = [
      await beta('GET', `/checkout_sessions/${id}`, undefined, as('key_beta_0123456789')),
      await beta('POST', `/checkout_sessions/${id}`, { buyer: { email: 'thief@example.com' } }, as('key_beta_0123456789')),
      await beta('POST', `/checkout_sessions/${id}/complete`, pay, as('key_beta_0123456789')),
      await beta('POST', `/checkout_sessions/${id}/cancel`, {}, as('key_beta_0123456789')),
    ];
    for (const attempt of attempts) expect(attempt.status, JSON.stringify(attempt.body)).toBe(404);
    const own = await alpha('GET', `/checkout_sessions/${id}`, undefined, as('key_alpha_0123456789'));
    expect(own.status).toBe(200);
    expect(own.body.status).toBe('ready_for_payment');
    expect(JSON.stringify(own.body)).not.toContain('thief@example.com');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acpClient } from '../helpers/acp.ts';
import { startTestServer } from '../helpers/server.ts';

/*
 * Low finding: a country no shipping zone covers got the store pickup selected automatically at
 * $0, so the order was payable and "shipped" nowhere. The session now says it does not ship there.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const BRAZIL = { name: 'Ana Souza', line_one: 'Rua Augusta 100', city: 'Sao Paulo', state: 'SP', country: 'BR', postal_code: '01304-000' };

describe('an address no shipping zone covers', () => {
  it('is not payable, selects nothing, and says we do not ship there', async () => {
    const acp = acpClient(server.url, '2026-04-17');
    const created = await acp('POST', '/checkout_sessions', { line_items: [{ id: 'NW-RDG28-GRN' }], capabilities: {}, buyer: { email: 'far@example.com' }, fulfillment_details: { name: 'Ana Souza', address: BRAZIL } });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('not_ready_for_payment');
    expect(created.body.selected_fulfillment_options ?? []).toEqual([]);
    const messages = created.body.messages as Array<{ type: string; code?: string; content: string }>;
    expect(messages).toContainEqual(expect.objectContaining({ type: 'error', code: 'region_restricted', content: expect.stringMatching(/We do not ship to Brazil/) }));
    const paid = await acp('POST', `/checkout_sessions/${created.body.id}/complete`, { payment_data: { handler_id: 'card_spt', instrument: { type: 'card', credential: { type: 'spt', token: 'spt_test_visa' } } } });
    expect(paid.body.status).not.toBe('completed');
  });
});

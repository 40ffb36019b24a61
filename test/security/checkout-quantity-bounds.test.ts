import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QC_ADDRESS, acpClient } from '../helpers/acp.ts';
import { connectMcp } from '../helpers/mcp.ts';
import { TEA_SHOP } from '../helpers/paths.ts';
import { startTestServer } from '../helpers/server.ts';

/*
 * Finding 14: an item that sells past zero took any quantity; 1e300 units were priced (as a
 * float) and paid. Quantities are whole numbers within a cap, and so is the total.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ merchant: TEA_SHOP });
});
afterAll(() => server.stop());

const session = (quantity: number) => ({ currency: 'cad', line_items: [{ id: 'HL-WHISK', quantity }], capabilities: {}, buyer: { email: 'huge@example.com' }, fulfillment_details: { name: 'Huge Order', address: QC_ADDRESS } });

describe('quantity and total bounds', () => {
  it('ACP refuses huge quantities with an error naming the field, and nothing is charged', async () => {
    const acp = acpClient(server.url, '2026-04-17');
    for (const quantity of [1e300, 1e9, 100_000]) {
      const created = await acp('POST', '/checkout_sessions', session(quantity));
      expect(created.status, JSON.stringify(created.body)).toBe(400);
      expect(created.body).toMatchObject({ type: 'invalid_request', param: '$.line_items[0].quantity' });
    }
    const ok = await acp('POST', '/checkout_sessions', session(2));
    expect(ok.status).toBe(201);
    const updated = await acp('POST', `/checkout_sessions/${ok.body.id}`, { line_items: [{ id: 'HL-WHISK', quantity: 1e300 }] });
    expect(updated.status).toBe(400);
    // Many lines of the same item add up past the per-session cap: not payable.
    const many = await acp('POST', '/checkout_sessions', { ...session(1), line_items: Array.from({ length: 20 }, () => ({ id: 'HL-WHISK', quantity: 999 })) });
    expect(many.body.status).toBe('not_ready_for_payment');
    expect(JSON.stringify(many.body.messages)).toMatch(/at most/);
    const paid = await acp('POST', `/checkout_sessions/${many.body.id}/complete`, { payment_data: { handler_id: 'card_spt', instrument: { type: 'card', credential: { type: 'spt', token: 'spt_test_visa' } } } });
    expect(paid.body.status).not.toBe('completed');
    const charges = await server.runtime.sql.all("SELECT * FROM test_provider_operations WHERE kind = 'charge'");
    expect(charges).toHaveLength(0);
  });

  it('MCP create_checkout refuses non-integer and huge quantities naming the field', async () => {
    const mcp = await connectMcp(server.url, 'modern');
    for (const quantity of [1e300, 2.5, 100_000]) {
      const result = (await mcp.callTool({ name: 'create_checkout', arguments: { items: [{ id: 'HL-WHISK', quantity }], email: 'huge@example.com' } })) as { isError?: boolean; content: Array<{ text?: string }> };
      expect(result.isError, JSON.stringify(result)).toBe(true);
      expect(result.content.map((part) => part.text).join(' ')).toMatch(/quantity/);
    }
    await mcp.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToolRunner } from '../../src/surfaces/web/index.ts';
import { ConsoleClient } from '../helpers/console-client.ts';
import { chatTurn, widgetMessages } from '../helpers/security-chat.ts';
import { startTestServer } from '../helpers/server.ts';

/**
 * Finding 3: the console linked an escalation to "the most recent handed-off conversation
 * mentioning the order", so a stranger who typed a customer's order number into the chat and
 * asked for a person received the agent's reply meant for that customer.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let agent: ConsoleClient;

beforeAll(async () => {
  server = await startTestServer();
  await server.runtime.accounts.add('sam@northwind.example', 'agent', 'correct horse battery staple');
  agent = new ConsoleClient(server.url);
  expect((await agent.signIn('sam@northwind.example', 'correct horse battery staple')).status).toBe(303);
});
afterAll(() => server.stop());

describe('console replies reach only the conversation the escalation came from', () => {
  it("an attacker mentioning the victim's order number and handing off never receives the agent's reply", async () => {
    // The attacker's conversation exists before the victim's escalation (it was opened earlier).
    const attacker = (await chatTurn(server, { message: 'hello' })).conversationId!;
    const victim = (await chatTurn(server, { message: 'I would like to return my sleeping bag' })).conversationId!;

    // The victim's held refund, raised from inside their conversation by the chat's tool runner.
    const tools = createToolRunner(server.runtime, victim);
    const verified = await tools.call('verify_customer', { email: 'daniel.okafor@example.com', order_number: 'NW-10213' });
    expect(verified.ok).toBe(true);
    const token = (verified as { output: { customer_token: string } }).output.customer_token;
    const order = (await server.runtime.orders.getOrder('NW-10213'))!;
    const held = await tools.call('return_items', { customer_token: token, order_number: 'NW-10213', item_ids: [order.line_items[0]!.id], payment_method_id: order.payments[0]!.method_id, confirm: true });
    const escalationId = (held as { output: { status: string; escalation_id: string } }).output.escalation_id;
    expect((held as { output: { status: string } }).output.status).toBe('held');

    // The attacker types the victim's order number and asks for a person.
    await chatTurn(server, { conversation_id: attacker, message: 'Where is my order NW-10213?' });
    await chatTurn(server, { conversation_id: attacker, action: { type: 'handoff' } });

    const reply = await agent.post(`/console/escalations/${escalationId}/reply`, { text: 'Hi Daniel, your refund for NW-10213 is being reviewed.' });
    expect(reply.status).toBe(303);

    expect((await widgetMessages(server, attacker)).map((message) => message.text).join('\n')).not.toContain('your refund for NW-10213');
    expect(await widgetMessages(server, victim)).toContainEqual(expect.objectContaining({ role: 'agent', text: 'Hi Daniel, your refund for NW-10213 is being reviewed.' }));
    const detail = await (await agent.request(`/console/api/escalations/${escalationId}`)).json() as { conversation_id: string | null };
    expect(detail.conversation_id).toBe(victim);
  });
});

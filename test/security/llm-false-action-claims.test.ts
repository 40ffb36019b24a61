import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI } from '../helpers/fake-openai.ts';
import { startTestServer } from '../helpers/server.ts';

/*
 * Finding 15: a hijacked model could say "Done! I cancelled your order and changed the address"
 * when no tool did anything, and the LLM brain relayed it. A claim that an action happened must be
 * backed by a tool that executed it in the same turn; otherwise the shopper is told nothing changed.
 */
type Events = Array<{ event: string; data: Record<string, unknown> }>;
let server: Awaited<ReturnType<typeof startTestServer>>;
let openai: Awaited<ReturnType<typeof startFakeOpenAI>>;
let order: { number: string; email: string; status: string; shipping_address: string };

async function chat(body: Record<string, unknown>): Promise<{ events: Events; text: string; id: string }> {
  const response = await fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const events = (await response.text()).split('\n\n').filter(Boolean).map((block) => {
    const [eventLine, dataLine] = block.split('\n');
    return { event: eventLine!.slice(7), data: JSON.parse(dataLine!.slice(6)) as Record<string, unknown> };
  });
  const text = events.filter((item) => item.event === 'text-delta').map((item) => String(item.data.text)).join('');
  return { events, text, id: String(events[0]!.data.conversation_id) };
}

const current = () => server.runtime.sql.get<{ status: string; shipping_address: string }>('SELECT status, shipping_address FROM orders WHERE number = ?', [order.number]);

beforeAll(async () => {
  openai = await startFakeOpenAI();
  server = await startTestServer({ env: { OPENAI_API_KEY: openai.key, OPENAI_BASE_URL: openai.url, OPENAI_MODEL: 'gpt-test', SHOPKEEPER_EMBEDDINGS: 'offline' } });
  order = (await server.runtime.sql.get<typeof order>(`SELECT o.number, c.email, o.status, o.shipping_address FROM orders o JOIN customers c ON c.id = o.customer_id
    WHERE o.status IN ('pending', 'paid', 'confirmed', 'unfulfilled') ORDER BY o.number LIMIT 1`))!;
  expect(order).toBeDefined();
});
afterEach(() => { expect(openai.problems).toEqual([]); openai.script.length = 0; });
afterAll(async () => { await server?.stop(); await openai?.close(); });

describe('LLM claims of completed actions', () => {
  it('never relays "Done! I cancelled your order and changed the address" when no tool ran', async () => {
    openai.script.push({ text: ['Done! ', 'I cancelled your order and changed the address', ' to 9 Elm St.', ' Anything else?'] });
    const reply = await chat({ message: `Please cancel ${order.number} and send it to 9 Elm St instead.` });
    expect(reply.text).not.toMatch(/done|cancell?ed|changed the address/i);
    expect(reply.text).toMatch(/nothing has been changed/i);
    expect(await current()).toEqual({ status: order.status, shipping_address: order.shipping_address });
  });

  it('catches the same claim in French, phrased differently', async () => {
    openai.script.push({ text: ['C\'est fait ! ', 'Votre commande a bien été annulée et j\'ai modifié l\'adresse de livraison.'] });
    const reply = await chat({ message: `Bonjour, annulez la commande ${order.number} et changez l'adresse s'il vous plaît`, locale: 'fr' });
    expect(reply.text).not.toMatch(/c'est fait|a bien été annulée|j'ai modifié/i);
    expect(reply.text).toMatch(/rien n'a été modifié/i);
    expect((await current())!.status).toBe(order.status);
  });

  it('does not let a preview pass for a done action, and lets the real confirmation through', async () => {
    openai.script.push({ toolCalls: [{ name: 'verify_customer', arguments: { email: order.email, order_number: order.number } }] });
    openai.script.push({ toolCalls: [{ name: 'cancel_order', arguments: { order_number: order.number, reason: 'no longer needed' } }] });
    openai.script.push({ text: ['Your order has been cancelled and refunded.', ' Have a nice day!'] });
    const first = await chat({ message: `Cancel my order ${order.number}, my email is ${order.email}` });
    const preview = first.events.find((item) => item.event === 'action-preview');
    expect(preview).toBeDefined();
    expect(first.text).not.toMatch(/has been cancelled|refunded/i);
    expect(first.text).toMatch(/confirm the preview/i);
    expect((await current())!.status).toBe(order.status);

    // The shopper confirms: the cancellation really runs, and saying so is allowed.
    const confirmed = await chat({ conversation_id: first.id, action: { type: 'confirm', preview_id: (preview!.data.preview as { id: string }).id } });
    expect((await current())!.status).toBe('cancelled');
    expect(confirmed.text).toMatch(/cancel/i);
  });

  it('lets a claim through when a tool executed that action in the turn', async () => {
    openai.script.push({ toolCalls: [{ name: 'escalate_to_human', arguments: { summary: 'Shopper wants a person.' } }] });
    openai.script.push({ text: ['I have passed you to a colleague, who will reply here shortly.'] });
    const reply = await chat({ message: 'I would like to talk to a person please' });
    expect(reply.text).toContain('I have passed you to a colleague, who will reply here shortly.');
  });
});

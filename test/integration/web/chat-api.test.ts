import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../helpers/server.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

async function chat(server: Server, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await response.text();
  if (!response.headers.get('content-type')?.includes('event-stream')) return { response, events: [] };
  const events = text.split('\n\n').filter(Boolean).map((block) => {
    const [eventLine, dataLine] = block.split('\n');
    return { event: eventLine!.slice(7), data: JSON.parse(dataLine!.slice(6)) as Record<string, unknown> };
  });
  return { response, events };
}

describe('chat API (SSE), widget and demo store', () => {
  let server: Server;
  beforeAll(async () => { server = await startTestServer({ env: { SHOPKEEPER_CHAT_RATE_LIMIT: '8', SHOPKEEPER_ALLOWED_ORIGINS: 'https://shop.example' } }); });
  afterAll(() => server.stop());

  it('streams typed events, then resumes the conversation by id', async () => {
    const first = await chat(server, { message: 'waterproof backpack under $150' });
    expect(first.response.headers.get('content-type')).toContain('text/event-stream');
    expect(first.events.map((event) => event.event)).toEqual(expect.arrayContaining(['conversation-started', 'text-delta', 'product-cards', 'message-end']));
    expect(first.events.every((event) => event.event === event.data.type)).toBe(true);
    const id = first.events[0]!.data.conversation_id as string;
    const second = await chat(server, { conversation_id: id, message: 'thanks!' });
    expect(second.events[0]!.data).toMatchObject({ conversation_id: id, resumed: true });
    const transcript = await (await fetch(`${server.url}/api/chat/${id}/messages`)).json() as { messages: Array<{ role: string }> };
    expect(transcript.messages.map((message) => message.role)).toEqual(['shopper', 'assistant', 'shopper', 'assistant']);
  });

  it("allows the merchant's origins only", async () => {
    const allowed = await chat(server, { message: 'hi' }, { origin: 'https://northwind-trail.example' });
    expect(allowed.response.headers.get('access-control-allow-origin')).toBe('https://northwind-trail.example');
    const extra = await fetch(`${server.url}/api/chat`, { method: 'OPTIONS', headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' } });
    expect(extra.status).toBe(204);
    const denied = await fetch(`${server.url}/api/chat`, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, body: '{"message":"hi"}' });
    expect(denied.status).toBe(403);
    expect(denied.headers.get('content-type')).toContain('application/problem+json');
  });

  it('rejects bad bodies with problem JSON and rate-limits a chatty client', async () => {
    const bad = await fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'x'.repeat(3000) }) });
    expect(bad.status).toBe(400);
    let limited = 0;
    for (let index = 0; index < 10; index++) if ((await chat(server, { message: 'hi' })).response.status === 429) limited++;
    expect(limited).toBeGreaterThan(0);
  });

  it('serves the widget gzipped and a demo store that embeds it', async () => {
    const widget = await fetch(`${server.url}/widget.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(widget.headers.get('content-type')).toContain('javascript');
    const size = Number(widget.headers.get('content-length') ?? (await widget.clone().arrayBuffer()).byteLength);
    expect(size).toBeLessThan(40 * 1024);
    const store = await (await fetch(`${server.url}/`)).text();
    expect(store).toContain(`<script src="${server.url}/widget.js"`);
    expect(gunzipSync).toBeTypeOf('function');
  });
});

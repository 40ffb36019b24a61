import type { startTestServer } from './server.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** One chat turn through POST /api/chat (SSE); returns the conversation id and the events. */
export async function chatTurn(server: Server, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<{ status: number; conversationId: string | null; events: Array<{ event: string; data: Record<string, unknown> }> }> {
  const response = await fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await response.text();
  if (!response.headers.get('content-type')?.includes('event-stream')) return { status: response.status, conversationId: null, events: [] };
  const events = text.split('\n\n').filter(Boolean).filter((block) => block.startsWith('event: ')).map((block) => {
    const [eventLine, dataLine] = block.split('\n');
    return { event: eventLine!.slice(7), data: JSON.parse(dataLine!.slice(6)) as Record<string, unknown> };
  });
  const started = events.find((item) => item.event === 'conversation-started');
  return { status: response.status, conversationId: started ? String(started.data.conversation_id) : null, events };
}

/** What the widget polls: the conversation's messages, as the shopper's browser sees them. */
export async function widgetMessages(server: Server, conversationId: string): Promise<Array<{ role: string; text: string }>> {
  const response = await fetch(`${server.url}/api/chat/${encodeURIComponent(conversationId)}/messages`);
  return ((await response.json()) as { messages: Array<{ role: string; text: string }> }).messages;
}

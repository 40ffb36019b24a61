/* eslint-disable @typescript-eslint/no-explicit-any -- request bodies are arbitrary JSON the checks walk freely */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Scripted =
  | { text: string[] }
  | { toolCalls: Array<{ name: string; arguments: Record<string, unknown> }> }
  | { status: number }
  | { hang: true };

export interface RecordedRequest { path: string; headers: IncomingMessage['headers']; body: Record<string, any> }

/**
 * A local OpenAI-compatible server: checks each request has the shape the Chat Completions API
 * documents (auth header, model, messages, function tools, stream) and replays scripted replies as
 * streamed chunks, tool-call fragments, HTTP errors or a hang (for timeouts).
 */
export async function startFakeOpenAI(key = 'sk-test-local') {
  const script: Scripted[] = [];
  const requests: RecordedRequest[] = [];
  const problems: string[] = [];
  const server: Server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk) => { raw += chunk; });
    request.on('end', () => {
      const body = JSON.parse(raw || '{}') as Record<string, any>;
      requests.push({ path: request.url ?? '', headers: request.headers, body });
      const problem = checkRequest(request, body, key);
      if (problem) { problems.push(problem); response.writeHead(400, { 'content-type': 'application/json' }); return response.end(JSON.stringify({ error: { message: problem, type: 'invalid_request_error' } })); }
      const next = script.shift() ?? { text: ['(script exhausted)'] };
      if ('hang' in next) return;
      if ('status' in next) { response.writeHead(next.status, { 'content-type': 'application/json' }); return response.end(JSON.stringify({ error: { message: 'scripted failure', type: 'server_error' } })); }
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      const base = { id: 'chatcmpl-test', object: 'chat.completion.chunk', created: 1_764_000_000, model: body.model };
      const send = (delta: Record<string, unknown>, finish: string | null = null) => response.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`);
      send({ role: 'assistant', content: '' });
      if ('text' in next) {
        for (const piece of next.text) send({ content: piece });
        send({}, 'stop');
      } else {
        next.toolCalls.forEach((call, index) => {
          const args = JSON.stringify(call.arguments);
          send({ tool_calls: [{ index, id: `call_${index}`, type: 'function', function: { name: call.name, arguments: '' } }] });
          send({ tool_calls: [{ index, function: { arguments: args.slice(0, 5) } }] });
          send({ tool_calls: [{ index, function: { arguments: args.slice(5) } }] });
        });
        send({}, 'tool_calls');
      }
      response.end('data: [DONE]\n\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return {
    url, key, script, requests, problems,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

function checkRequest(request: IncomingMessage, body: Record<string, any>, key: string): string | null {
  if (request.method !== 'POST' || request.url !== '/v1/chat/completions') return `unexpected ${request.method} ${request.url}`;
  if (request.headers.authorization !== `Bearer ${key}`) return 'missing or wrong Authorization: Bearer header';
  if (!String(request.headers['content-type']).includes('application/json')) return 'content-type must be application/json';
  if (typeof body.model !== 'string' || !body.model) return 'model is required';
  if (body.stream !== true) return 'stream must be true';
  if (!Array.isArray(body.messages) || body.messages[0]?.role !== 'system') return 'messages must start with a system message';
  for (const message of body.messages) {
    if (!['system', 'user', 'assistant', 'tool'].includes(message.role)) return `bad role ${message.role}`;
    if (message.role === 'tool' && typeof message.tool_call_id !== 'string') return 'tool messages need tool_call_id';
  }
  for (const tool of body.tools ?? []) {
    if (tool.type !== 'function' || !/^[a-zA-Z0-9_-]{1,64}$/.test(tool.function?.name ?? '') || tool.function.parameters?.type !== 'object') return `bad tool ${JSON.stringify(tool).slice(0, 80)}`;
  }
  return null;
}

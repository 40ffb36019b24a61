import { Router, type Request, type Response, type NextFunction } from 'express';
import { z } from 'zod';
import type { ChatEvent, ConversationEngine } from '../../assistant/index.ts';
import { sendProblem, zodProblem } from '../http/problem.ts';
import type { RateLimiter } from '../../platform/index.ts';
import { chatClientAddress } from './client-address.ts';

// NUL characters carry no meaning in a chat and PostgreSQL text cannot store them: dropped.
const text = (max: number) => z.string().max(max).transform((value) => value.replaceAll('\u0000', ''));

const chatBody = z.object({
  conversation_id: text(64).optional(),
  message: text(2000).optional(),
  locale: text(10).optional(),
  action: z.object({
    type: z.enum(['confirm', 'cancel', 'buy', 'handoff']),
    preview_id: text(64).optional(),
    variant_id: text(128).optional(),
  }).optional(),
}).refine((body) => body.message?.trim() || body.action || !body.conversation_id, { message: 'send a message or an action', path: ['message'] });

export interface ChatRoutesOptions {
  engine: ConversationEngine;
  /** Browser origins allowed to call the chat API (the merchant's site and this server). */
  allowedOrigins: () => Set<string>;
  ratePerMinute: number;
  /** The database-backed limiter: every replica sees the same counts. */
  rateLimiter: RateLimiter;
}

/**
 * `POST /api/chat` answers as Server-Sent Events (`event: text-delta`, `citations`, ...);
 * `GET /api/chat/:id/messages?after=` resumes a conversation and delivers a human's replies.
 */
export function chatRoutes(options: ChatRoutesOptions): Router {
  const router = Router();
  const perConversationLimit = Math.max(5, Math.floor(options.ratePerMinute / 2));
  /** Seconds to wait before the next message, or 0. One window per minute, per client address and per conversation. */
  const limited = async (ip: string, conversationId: string | undefined): Promise<number> => {
    const now = new Date();
    const over = await options.rateLimiter.hit(`chat:ip:${ip}`, 60, now) > options.ratePerMinute
      || (conversationId !== undefined && await options.rateLimiter.hit(`chat:conversation:${conversationId}`, 60, now) > perConversationLimit);
    return over ? 60 - (Math.floor(now.getTime() / 1000) % 60) : 0;
  };

  const cors = (request: Request, response: Response, next: NextFunction) => {
    const origin = request.headers.origin;
    if (origin) {
      if (!options.allowedOrigins().has(origin)) {
        return sendProblem(response, { title: 'Origin not allowed', status: 403, code: 'forbidden', detail: `Origin ${origin} may not call the chat API.`, fix: 'Add the origin to SHOPKEEPER_ALLOWED_ORIGINS.' });
      }
      response.setHeader('Access-Control-Allow-Origin', origin);
      response.setHeader('Vary', 'Origin');
    }
    if (request.method === 'OPTIONS') {
      response.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      response.setHeader('Access-Control-Allow-Headers', 'Content-Type');
      response.setHeader('Access-Control-Max-Age', '600');
      return response.status(204).end();
    }
    next();
  };
  router.options(['/api/chat', '/api/chat/:id/messages'], cors);

  router.post('/api/chat', cors, async (request, response) => {
    const parsed = chatBody.safeParse(request.body ?? {});
    if (!parsed.success) return sendProblem(response, zodProblem(parsed.error, 'body'));
    const body = parsed.data;
    const wait = await limited(request.ip ?? 'unknown', body.conversation_id);
    if (wait > 0) {
      response.setHeader('Retry-After', String(wait));
      return sendProblem(response, { title: 'Too many messages', status: 429, code: 'rate_limited', detail: `Slow down: try again in ${wait} s.`, fix: 'Wait before sending the next message.' });
    }
    response.status(200);
    response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    response.setHeader('Cache-Control', 'no-cache, no-transform');
    response.setHeader('X-Accel-Buffering', 'no');
    response.flushHeaders();
    const abort = new AbortController();
    response.on('close', () => abort.abort());
    const send = (event: ChatEvent) => {
      if (!response.writableEnded) response.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    };
    try {
      await chatClientAddress.run(request.ip ?? 'unknown', () => options.engine.turn({
        ...(body.conversation_id ? { conversationId: body.conversation_id } : {}), ...(body.message ? { text: body.message.trim() } : {}),
        ...(body.action ? { action: body.action } : {}), ...(body.locale ? { locale: body.locale } : {}), origin: request.headers.origin ?? null, signal: abort.signal,
        ...(request.ip ? { clientAddress: request.ip } : {}),
      }, send));
    } catch {
      send({ type: 'error-occurred', code: 'internal', message: 'Something went wrong.' });
    }
    response.end();
  });

  router.get('/api/chat/:id/messages', cors, async (request, response) => {
    const after = Number(request.query.after ?? 0);
    const transcript = await options.engine.transcript(String(request.params.id), Number.isFinite(after) ? after : 0);
    if (!transcript) return sendProblem(response, { title: 'Not found', status: 404, code: 'not_found', detail: 'No such conversation.', fix: 'Start a new conversation with POST /api/chat.' });
    response.setHeader('Cache-Control', 'no-store');
    response.json({
      handoff: transcript.handoff, locale: transcript.locale,
      messages: transcript.messages.filter((message) => message.role !== 'system').map((message) => ({
        seq: message.seq, role: message.role, author: message.role === 'agent' ? message.author : null, text: message.role === 'shopper' && message.text.startsWith('[') ? '' : message.text,
        events: message.events.filter((event) => event.type !== 'text-delta'),
      })),
    });
  });
  return router;
}

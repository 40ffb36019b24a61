import type { Request, Response } from 'express';
import type { ConsoleBackend, EscalationFilter } from '../../flows/console/index.ts';
import { queueRow } from './pages/queue.ts';

export interface StreamOptions {
  /** How often the database is asked for changes; any replica can serve the stream. */
  pollMs: number;
  now: () => Date;
}

/**
 * Server-sent events for the queue: every escalation created or changed after the cursor is sent
 * as a rendered row. It polls the backend instead of listening to in-process events, so an
 * escalation raised on another replica shows up too. Comments keep proxies from closing it.
 */
export function streamEscalations(backend: ConsoleBackend, filter: EscalationFilter, viewer: { id: string; csrfToken: string }, request: Request, response: Response, options: StreamOptions): void {
  response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
  const since = typeof request.query.since === 'string' && !Number.isNaN(Date.parse(request.query.since)) ? request.query.since : options.now().toISOString();
  let cursor = since;
  const seen = new Map<string, string>();
  let busy = false;
  let ticks = 0;
  response.write('retry: 2000\n\n');
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      // A second of overlap catches changes stamped in the same instant as the cursor; `seen` drops repeats.
      const changed = await backend.listEscalations({ ...filter, updatedAfter: new Date(Date.parse(cursor) - 1000).toISOString() });
      for (const item of changed.sort((a, b) => a.updated_at.localeCompare(b.updated_at))) {
        if (seen.get(item.id) === item.updated_at) continue;
        seen.set(item.id, item.updated_at);
        if (item.updated_at > cursor) cursor = item.updated_at;
        const row = queueRow(item, viewer.csrfToken, options.now(), viewer.id).value;
        response.write(`event: escalation\nid: ${item.updated_at}\ndata: ${JSON.stringify({ id: item.id, status: item.status, row })}\n\n`);
      }
      if (++ticks % Math.max(1, Math.round(15_000 / options.pollMs)) === 0) response.write(': keep-alive\n\n');
    } catch {
      response.write('event: error\ndata: {"message":"queue temporarily unavailable"}\n\n');
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), options.pollMs);
  void tick();
  request.on('close', () => clearInterval(timer));
}

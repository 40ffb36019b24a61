import type { NextFunction, Request, Response } from 'express';
import { immediate, statementCache, withTxParticipant, type SqliteDb } from '../../platform/index.ts';
import { bodyHash } from './canonical-json.ts';
import { sendAcpError } from './errors.ts';

const RETENTION_MS = 24 * 60 * 60 * 1000;
/** An in-flight row older than this belongs to a request that died before committing anything. */
const ABANDONED_MS = 60_000;

export interface Reply { status: number; body: unknown }

/** What a route hands the middleware: how to turn the effect's result into the response. */
export interface IdempotencySlot {
  render?: (result: unknown) => Reply;
  recorded?: Reply;
  store(reply: Reply): void;
}

interface Row { request_hash: string; state: 'in_flight' | 'done'; status: number | null; body: string | null; started_at: number; expires_at: number }

/**
 * Idempotency-Key per ACP 2026-04-17: scoped to caller + path; replay returns the stored status
 * and body with Idempotent-Replayed: true; same key and a different body -> 422; still running ->
 * 409 with Retry-After; 5xx is never stored; kept 24 h. The stored response is written inside the
 * transaction of the effect itself (see platform/db/unit-of-work.ts), or right after a read-only reply.
 */
export function idempotency(db: SqliteDb, required: (request: Request) => boolean) {
  const sql = statementCache(db);
  let requests = 0;
  return (request: Request, response: Response, next: NextFunction) => {
    const key = request.get('Idempotency-Key');
    if (key === undefined) {
      if (required(request)) return sendAcpError(response, 400, { type: 'invalid_request', code: 'idempotency_key_required', message: 'POST requests need an Idempotency-Key header (a UUID works).', param: '$.headers.Idempotency-Key' });
      return next();
    }
    if (key.length < 1 || key.length > 255) return sendAcpError(response, 400, { type: 'invalid_request', code: 'invalid_idempotency_key', message: 'Idempotency-Key must be 1 to 255 characters.' });
    response.setHeader('Idempotency-Key', key);
    const scope = `${response.locals.platform as string} ${request.method} ${request.baseUrl}${request.path}`;
    const hash = bodyHash(request.body, request.body !== undefined);
    const now = Date.now();
    // Keys live 24 h; expired rows are swept now and then rather than on a timer.
    if (++requests % 500 === 0) sql('DELETE FROM acp_idempotency WHERE expires_at < ?').run(now);
    const verdict = immediate(db, () => {
      sql('DELETE FROM acp_idempotency WHERE scope = ? AND key = ? AND expires_at < ?').run(scope, key, now);
      const row = sql('SELECT request_hash, state, status, body, started_at, expires_at FROM acp_idempotency WHERE scope = ? AND key = ?').get(scope, key) as Row | undefined;
      if (row && row.request_hash !== hash) return { kind: 'conflict' as const };
      if (row?.state === 'done') return { kind: 'replay' as const, row };
      if (row && now - row.started_at < ABANDONED_MS) return { kind: 'in_flight' as const };
      sql(`INSERT INTO acp_idempotency (scope, key, request_hash, state, started_at, expires_at) VALUES (?, ?, ?, 'in_flight', ?, ?)
        ON CONFLICT (scope, key) DO UPDATE SET state = 'in_flight', started_at = excluded.started_at`).run(scope, key, hash, now, now + RETENTION_MS);
      return { kind: 'run' as const };
    });
    if (verdict.kind === 'conflict') return sendAcpError(response, 422, { type: 'invalid_request', code: 'idempotency_conflict', message: 'This Idempotency-Key was used with a different request body.', param: '$.headers.Idempotency-Key' });
    if (verdict.kind === 'in_flight') {
      response.setHeader('Retry-After', '1');
      return sendAcpError(response, 409, { type: 'invalid_request', code: 'idempotency_in_flight', message: 'A request with this Idempotency-Key is still being processed; retry shortly.' });
    }
    if (verdict.kind === 'replay') {
      response.setHeader('Idempotent-Replayed', 'true');
      return response.status(verdict.row.status!).json(JSON.parse(verdict.row.body!));
    }
    const write = (reply: Reply) => sql(`UPDATE acp_idempotency SET state = 'done', status = ?, body = ? WHERE scope = ? AND key = ?`).run(reply.status, JSON.stringify(reply.body), scope, key);
    const slot: IdempotencySlot = {
      store(reply) {
        if (this.recorded) return;
        if (reply.status >= 500) sql('DELETE FROM acp_idempotency WHERE scope = ? AND key = ?').run(scope, key);
        else write(reply);
        this.recorded = reply;
      },
    };
    response.locals.idempotency = slot;
    // A request that ends without a stored reply (crash of the handler, 5xx) frees the key.
    response.on('finish', () => {
      if (!slot.recorded) sql(`DELETE FROM acp_idempotency WHERE scope = ? AND key = ? AND state = 'in_flight'`).run(scope, key);
    });
    void withTxParticipant({
      onFinalWrite(result) {
        if (!slot.render || slot.recorded) return;
        const reply = slot.render(result);
        if (reply.status < 500) {
          write(reply);
          slot.recorded = reply;
        }
      },
    }, async () => next());
  };
}

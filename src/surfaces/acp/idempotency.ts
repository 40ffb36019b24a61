import type { NextFunction, Request, Response } from 'express';
import { withTxParticipant, type SqlDb, type SqlExecutor } from '../../platform/index.ts';
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
  /** `final: false` (an answer that only says "still working", like complete_in_progress) frees the key instead of storing it. */
  store(reply: Reply, final?: boolean): Promise<void>;
}

interface Row { request_hash: string; state: 'in_flight' | 'done'; status: number | null; body: string | null; started_at: number; expires_at: number }

/**
 * Idempotency-Key per ACP 2026-04-17: scoped to caller + path; replay returns the stored status
 * and body with Idempotent-Replayed: true; same key and a different body -> 422; still running ->
 * 409 with Retry-After; 5xx is never stored; kept 24 h. The stored response is written inside the
 * transaction of the effect itself (see platform/db/unit-of-work.ts), or right after a read-only reply.
 */
export function idempotency(sql: SqlDb, required: (request: Request) => boolean) {
  let requests = 0;
  return async (request: Request, response: Response, next: NextFunction) => {
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
    let verdict: Verdict;
    try {
      // Keys live 24 h; expired rows are swept now and then rather than on a timer.
      if (++requests % 500 === 0) await sql.run('DELETE FROM acp_idempotency WHERE expires_at < ?', [now]);
      verdict = await claimIdempotencyKey(sql, scope, key, hash, now);
    } catch (error) {
      return next(error);
    }
    if (verdict.kind === 'conflict') return sendAcpError(response, 422, { type: 'invalid_request', code: 'idempotency_conflict', message: 'This Idempotency-Key was used with a different request body.', param: '$.headers.Idempotency-Key' });
    if (verdict.kind === 'in_flight') {
      response.setHeader('Retry-After', '1');
      return sendAcpError(response, 409, { type: 'invalid_request', code: 'idempotency_in_flight', message: 'A request with this Idempotency-Key is still being processed; retry shortly.' });
    }
    if (verdict.kind === 'replay') {
      response.setHeader('Idempotent-Replayed', 'true');
      return response.status(verdict.row.status!).json(JSON.parse(verdict.row.body!));
    }
    const write = (on: SqlExecutor, reply: Reply) => on.run(`UPDATE acp_idempotency SET state = 'done', status = ?, body = ? WHERE scope = ? AND key = ?`,
      [reply.status, JSON.stringify(reply.body), scope, key]);
    const slot: IdempotencySlot = {
      async store(reply, final = true) {
        if (this.recorded) return;
        // Stored, a non-final answer would be replayed for 24 h: the same-key retry could never see the outcome.
        if (reply.status >= 500 || !final) await sql.run('DELETE FROM acp_idempotency WHERE scope = ? AND key = ?', [scope, key]);
        else await write(sql, reply);
        this.recorded = reply;
      },
    };
    response.locals.idempotency = slot;
    // A request that ends without a stored reply (crash of the handler, 5xx) frees the key.
    response.on('finish', () => {
      if (!slot.recorded) void sql.run(`DELETE FROM acp_idempotency WHERE scope = ? AND key = ? AND state = 'in_flight'`, [scope, key]).catch(() => undefined);
    });
    void withTxParticipant({
      async onFinalWrite(result, tx) {
        if (!slot.render || slot.recorded) return;
        const reply = slot.render(result);
        if (reply.status < 500) {
          await write(tx, reply);
          slot.recorded = reply;
        }
      },
    }, async () => next());
  };
}

export type Verdict = { kind: 'conflict' } | { kind: 'in_flight' } | { kind: 'replay'; row: Row } | { kind: 'run' };

/**
 * Takes the key for this request, or says why not. The insert is conditional on the primary key
 * and the takeover of an abandoned key on its start time: of two processes racing with one key,
 * exactly one runs the effect. Single statements, so no lock is held between them.
 */
export async function claimIdempotencyKey(sql: SqlDb, scope: string, key: string, hash: string, now: number): Promise<Verdict> {
  // An expired record is overwritten in the same statement: one round trip per request.
  const inserted = await sql.run(`INSERT INTO acp_idempotency (scope, key, request_hash, state, started_at, expires_at) VALUES (?, ?, ?, 'in_flight', ?, ?)
    ON CONFLICT (scope, key) DO UPDATE SET request_hash = excluded.request_hash, state = 'in_flight', status = NULL, body = NULL,
      started_at = excluded.started_at, expires_at = excluded.expires_at
    WHERE acp_idempotency.expires_at < ?`, [scope, key, hash, now, now + RETENTION_MS, now]);
  if (inserted === 1) return { kind: 'run' };
  const row = await sql.get<Row>('SELECT request_hash, state, status, body, started_at, expires_at FROM acp_idempotency WHERE scope = ? AND key = ?', [scope, key]);
  if (!row) return { kind: 'in_flight' };
  if (row.request_hash !== hash) return { kind: 'conflict' };
  if (row.state === 'done') return { kind: 'replay', row };
  if (now - row.started_at < ABANDONED_MS) return { kind: 'in_flight' };
  const taken = await sql.run(`UPDATE acp_idempotency SET started_at = ? WHERE scope = ? AND key = ? AND state = 'in_flight' AND started_at = ?`, [now, scope, key, row.started_at]);
  return taken === 1 ? { kind: 'run' } : { kind: 'in_flight' };
}

import { expect, it } from 'vitest';
import { acpMigrations } from '../../src/surfaces/acp/migrations.ts';
import { claimIdempotencyKey, type Verdict } from '../../src/surfaces/acp/idempotency.ts';
import { onEveryDatabase } from '../helpers/databases.ts';
import { otherProcess } from '../helpers/other-process.ts';

await onEveryDatabase('ACP idempotency keys', acpMigrations, (open) => {
  it('runs a key once, then says in flight, replays when done and refuses another body', async () => {
    const { sql } = await open();
    const now = Date.now();
    expect(await claimIdempotencyKey(sql, 'p POST /x', 'k', 'h1', now)).toEqual({ kind: 'run' });
    expect(await claimIdempotencyKey(sql, 'p POST /x', 'k', 'h1', now + 10)).toEqual({ kind: 'in_flight' });
    expect(await claimIdempotencyKey(sql, 'p POST /x', 'k', 'h2', now + 10)).toEqual({ kind: 'conflict' });
    expect(await claimIdempotencyKey(sql, 'p POST /y', 'k', 'h2', now + 10)).toEqual({ kind: 'run' });
    // An in-flight row abandoned by a dead request is taken over.
    expect(await claimIdempotencyKey(sql, 'p POST /x', 'k', 'h1', now + 61_000)).toEqual({ kind: 'run' });
    await sql.run(`UPDATE acp_idempotency SET state = 'done', status = 201, body = '{"ok":true}' WHERE key = 'k' AND scope = 'p POST /x'`);
    expect(await claimIdempotencyKey(sql, 'p POST /x', 'k', 'h1', now + 62_000)).toMatchObject({ kind: 'replay', row: { status: 201, body: '{"ok":true}' } });
    // Past its 24 h the key is new again.
    expect(await claimIdempotencyKey(sql, 'p POST /x', 'k', 'h2', now + 25 * 3600_000)).toEqual({ kind: 'run' });
    // ...and nothing of the old reply survives: the same key is now this new request's, in flight.
    expect(await claimIdempotencyKey(sql, 'p POST /x', 'k', 'h2', now + 25 * 3600_000 + 10)).toEqual({ kind: 'in_flight' });
    expect(await claimIdempotencyKey(sql, 'p POST /x', 'k', 'h1', now + 25 * 3600_000 + 10)).toEqual({ kind: 'conflict' });
  });

  it('one key sent concurrently to two processes runs once', async () => {
    const storage = await open();
    const other = await otherProcess(storage);
    const args = { times: 10, scope: 'p POST /checkout_sessions', key: 'race', hash: 'h', now: Date.now() };
    const [theirs, ours] = await Promise.all([
      other.run<Verdict[]>('idempotency', args),
      Promise.all(Array.from({ length: 10 }, () => claimIdempotencyKey(storage.sql, args.scope, args.key, args.hash, args.now))),
    ]);
    const kinds = [...theirs, ...ours].map((verdict) => verdict.kind);
    expect(kinds.filter((kind) => kind === 'run')).toHaveLength(1);
    expect(kinds.filter((kind) => kind === 'in_flight')).toHaveLength(19);
  });
});

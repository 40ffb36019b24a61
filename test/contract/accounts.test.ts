import { expect, it } from 'vitest';
import { AccountsService, accountsMigrations } from '../../src/accounts/index.ts';
import type { Clock } from '../../src/platform/index.ts';
import { onEveryDatabase } from '../helpers/databases.ts';
import { secondStorage } from './second-storage.ts';

function movableClock() {
  let now = new Date('2026-11-28T09:00:00Z');
  const clock: Clock = { now: () => new Date(now) };
  return { clock, advance: (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000)) };
}
const policy = { maxFailures: 3, lockMinutes: 10, sessionHours: 1 };

await onEveryDatabase('AccountsService contract', accountsMigrations, (open) => {
  it('creates accounts, verifies passwords, and sessions expire or end at sign-out', async () => {
    const { clock, advance } = movableClock();
    const accounts = new AccountsService((await open()).sql, clock, policy);
    await accounts.add('Sam@Example.com', 'agent', 'twelve chars!');
    await accounts.add('ada@example.com', 'admin', 'another password');
    expect((await accounts.list()).map((account) => [account.email, account.role])).toEqual([['ada@example.com', 'admin'], ['sam@example.com', 'agent']]);
    expect(await accounts.signIn('sam@example.com', 'wrong password')).toEqual({ ok: false, reason: 'invalid' });
    const result = await accounts.signIn('sam@example.com', 'twelve chars!');
    if (!result.ok) throw new Error('sign-in failed');
    expect((await accounts.session(result.token))?.account).toMatchObject({ email: 'sam@example.com', last_login_at: '2026-11-28T09:00:00.000Z' });
    expect(await accounts.session('not-a-token')).toBeNull();
    advance(61);
    expect(await accounts.session(result.token)).toBeNull();
    const again = await accounts.signIn('sam@example.com', 'twelve chars!');
    if (!again.ok) throw new Error('sign-in failed');
    expect(await accounts.session(again.token)).not.toBeNull();
    await accounts.signOut(again.token);
    expect(await accounts.session(again.token)).toBeNull();
  });

  it('refuses a duplicate email, also when two replicas add it at the same moment', async () => {
    const storage = await open();
    const { clock } = movableClock();
    const accounts = new AccountsService(storage.sql, clock, policy);
    const replica = new AccountsService(secondStorage(storage).sql, clock, policy);
    await accounts.add('a@b.co', 'admin', 'twelve chars!');
    await expect(replica.add('A@B.co', 'agent', 'twelve chars!')).rejects.toMatchObject({ code: 'conflict' });
    const raced = await Promise.allSettled([accounts.add('race@b.co', 'agent', 'twelve chars!'), replica.add('race@b.co', 'agent', 'twelve chars!')]);
    expect(raced.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((raced.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ code: 'conflict' });
    expect((await accounts.list()).filter((account) => account.email === 'race@b.co')).toHaveLength(1);
  });

  it('locks an email after the configured failures across replicas, and unlocks after the lock or by an admin', async () => {
    const storage = await open();
    const { clock, advance } = movableClock();
    const accounts = new AccountsService(storage.sql, clock, policy);
    const replica = new AccountsService(secondStorage(storage).sql, clock, policy);
    await accounts.add('sam@example.com', 'agent', 'twelve chars!');
    expect(await accounts.signIn('sam@example.com', 'nope')).toEqual({ ok: false, reason: 'invalid' });
    expect(await replica.signIn('sam@example.com', 'nope')).toEqual({ ok: false, reason: 'invalid' });
    expect(await accounts.signIn('sam@example.com', 'nope')).toMatchObject({ ok: false, reason: 'locked', retryAfterSeconds: 600 });
    expect(await replica.signIn('sam@example.com', 'twelve chars!')).toMatchObject({ ok: false, reason: 'locked' });
    advance(11);
    expect(await replica.signIn('sam@example.com', 'nope')).toEqual({ ok: false, reason: 'invalid' });
    expect(await accounts.signIn('sam@example.com', 'twelve chars!')).toMatchObject({ ok: true });
    // Unknown addresses lock the same way; an admin lifts it.
    for (let attempt = 0; attempt < 3; attempt++) await accounts.signIn('nobody@example.com', 'guess');
    expect(await accounts.signIn('nobody@example.com', 'guess')).toMatchObject({ reason: 'locked' });
    await replica.unlock('Nobody@example.com');
    expect(await accounts.signIn('nobody@example.com', 'guess')).toEqual({ ok: false, reason: 'invalid' });
  });
});

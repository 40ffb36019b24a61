import { describe, expect, it } from 'vitest';
import { AccountsService, accountsMigrations, hashPassword, verifyPassword } from '../../../src/accounts/index.ts';
import { migrate, openSqlite, sqliteSql, type Clock } from '../../../src/platform/index.ts';

function setup() {
  const db = openSqlite(':memory:');
  migrate(db, accountsMigrations);
  let now = new Date('2026-11-28T09:00:00Z');
  const clock: Clock = { now: () => new Date(now) };
  const advance = (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000));
  return { db, accounts: new AccountsService(sqliteSql(db), clock, { maxFailures: 3, lockMinutes: 10, sessionHours: 1 }), advance };
}

describe('accounts', () => {
  it('hashes with scrypt and a per-password salt, and verifies in constant form', async () => {
    const [first, second] = await Promise.all([hashPassword('a fine password'), hashPassword('a fine password')]);
    expect(first).not.toBe(second);
    expect(await verifyPassword('a fine password', first)).toBe(true);
    expect(await verifyPassword('a fine passworD', first)).toBe(false);
    expect(await verifyPassword('anything', 'md5$abc')).toBe(false);
  });

  it('issues sessions that expire and end at sign-out; only a hash of the token is stored', async () => {
    const { db, accounts, advance } = setup();
    await accounts.add('Sam@Example.com', 'agent', 'twelve chars!');
    const result = await accounts.signIn('sam@example.com ', 'twelve chars!');
    if (!result.ok) throw new Error('sign-in failed');
    expect(result.session.account).toMatchObject({ email: 'sam@example.com', role: 'agent' });
    expect(JSON.stringify(db.prepare('SELECT * FROM console_sessions').all())).not.toContain(result.token);
    expect((await accounts.session(result.token))?.csrfToken).toBe(result.session.csrfToken);
    advance(61);
    expect(await accounts.session(result.token)).toBeNull();
    const again = await accounts.signIn('sam@example.com', 'twelve chars!');
    if (!again.ok) throw new Error('sign-in failed');
    await accounts.signOut(again.token);
    expect(await accounts.session(again.token)).toBeNull();
  });

  it('locks after the configured failures, then lets the right password in once the lock expires', async () => {
    const { accounts, advance } = setup();
    await accounts.add('sam@example.com', 'agent', 'twelve chars!');
    expect(await accounts.signIn('sam@example.com', 'nope')).toEqual({ ok: false, reason: 'invalid' });
    expect(await accounts.signIn('sam@example.com', 'nope')).toEqual({ ok: false, reason: 'invalid' });
    expect(await accounts.signIn('sam@example.com', 'nope')).toMatchObject({ ok: false, reason: 'locked', retryAfterSeconds: 600 });
    expect(await accounts.signIn('sam@example.com', 'twelve chars!')).toMatchObject({ ok: false, reason: 'locked' });
    advance(11);
    expect(await accounts.signIn('sam@example.com', 'twelve chars!')).toMatchObject({ ok: true });
  });

  it('refuses weak or malformed input', async () => {
    const { accounts } = setup();
    await expect(accounts.add('not-an-email', 'agent', 'twelve chars!')).rejects.toMatchObject({ code: 'invalid_input', details: { field: 'email' } });
    await expect(accounts.add('a@b.co', 'agent', 'short')).rejects.toMatchObject({ code: 'invalid_input', details: { field: 'password' } });
    await accounts.add('a@b.co', 'admin', 'twelve chars!');
    await expect(accounts.add('A@B.co', 'agent', 'twelve chars!')).rejects.toMatchObject({ code: 'conflict' });
  });
});

import { createHash, randomBytes } from 'node:crypto';
import { conflict, invalidInput, newId, type Clock, type SqliteDb } from '../platform/index.ts';
import { dummyHash, hashPassword, verifyPassword } from './password.ts';
import { DEFAULT_LOCKOUT, ROLES, type Account, type LockoutPolicy, type Role, type Session, type SignInResult } from './types.ts';

const normalizeEmail = (email: string) => email.trim().toLowerCase();
/** Only a hash of the session token is stored, so a leaked database cannot be replayed as cookies. */
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

interface AccountRow extends Account { password_hash: string }
interface FailureRow { failures: number; locked_until: string | null }

/** Console accounts: who may sign in, their sessions, and the lockout after repeated failures. */
export class AccountsService {
  constructor(private readonly db: SqliteDb, private readonly clock: Clock, private readonly policy: LockoutPolicy = DEFAULT_LOCKOUT) {}

  async add(email: string, role: Role, password: string): Promise<Account> {
    const normalized = normalizeEmail(email);
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(normalized)) throw invalidInput(`"${email}" is not an email address.`, { field: 'email' });
    if (!ROLES.includes(role)) throw invalidInput(`Role must be agent or admin, not "${role}".`, { field: 'role' });
    if (password.length < 12) throw invalidInput('The password must be at least 12 characters.', { field: 'password', fix: 'Use a longer password, or omit it to have one generated.' });
    if (this.findRow(normalized)) throw conflict(`An account for ${normalized} already exists.`, { field: 'email' });
    const account: Account = { id: newId('acct'), email: normalized, role, created_at: this.clock.now().toISOString(), last_login_at: null };
    const password_hash = await hashPassword(password);
    this.db.prepare('INSERT INTO console_accounts (id, email, role, password_hash, created_at) VALUES (@id, @email, @role, @password_hash, @created_at)')
      .run({ ...account, password_hash });
    return account;
  }

  list(): Account[] {
    return this.db.prepare('SELECT id, email, role, created_at, last_login_at FROM console_accounts ORDER BY email').all() as Account[];
  }

  /**
   * Checks a password. Unknown emails are verified against a dummy hash and count failures the
   * same way, so neither timing nor lockout tells whether an account exists.
   */
  async signIn(email: string, password: string): Promise<SignInResult> {
    const normalized = normalizeEmail(email);
    const now = this.clock.now();
    const failure = this.db.prepare('SELECT failures, locked_until FROM console_login_failures WHERE email = ?').get(normalized) as FailureRow | undefined;
    if (failure?.locked_until && new Date(failure.locked_until) > now) {
      return { ok: false, reason: 'locked', retryAfterSeconds: Math.ceil((new Date(failure.locked_until).getTime() - now.getTime()) / 1000) };
    }
    const row = this.findRow(normalized);
    const valid = await verifyPassword(password, row?.password_hash ?? (await dummyHash()));
    if (!row || !valid) {
      const failures = (failure?.locked_until ? 0 : failure?.failures ?? 0) + 1;
      const locked = failures >= this.policy.maxFailures ? new Date(now.getTime() + this.policy.lockMinutes * 60_000).toISOString() : null;
      this.db.prepare(`INSERT INTO console_login_failures (email, failures, locked_until, last_failure_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (email) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until, last_failure_at = excluded.last_failure_at`)
        .run(normalized, locked ? 0 : failures, locked, now.toISOString());
      return locked ? { ok: false, reason: 'locked', retryAfterSeconds: this.policy.lockMinutes * 60 } : { ok: false, reason: 'invalid' };
    }
    this.db.prepare('DELETE FROM console_login_failures WHERE email = ?').run(normalized);
    this.db.prepare('UPDATE console_accounts SET last_login_at = ? WHERE id = ?').run(now.toISOString(), row.id);
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.policy.sessionHours * 3_600_000).toISOString();
    this.db.prepare('INSERT INTO console_sessions (token_hash, account_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
      .run(tokenHash(token), row.id, csrfToken, now.toISOString(), expiresAt);
    const { password_hash: _hash, ...account } = row;
    return { ok: true, token, session: { account: { ...account, last_login_at: now.toISOString() }, csrfToken, expiresAt } };
  }

  /** The live session for a cookie value, or null when unknown or expired. */
  session(token: string): Session | null {
    const row = this.db.prepare(`SELECT a.id, a.email, a.role, a.created_at, a.last_login_at, s.csrf_token, s.expires_at
      FROM console_sessions s JOIN console_accounts a ON a.id = s.account_id WHERE s.token_hash = ?`).get(tokenHash(token)) as
      (Account & { csrf_token: string; expires_at: string }) | undefined;
    if (!row || new Date(row.expires_at) <= this.clock.now()) return null;
    const { csrf_token, expires_at, ...account } = row;
    return { account, csrfToken: csrf_token, expiresAt: expires_at };
  }

  signOut(token: string): void {
    this.db.prepare('DELETE FROM console_sessions WHERE token_hash = ?').run(tokenHash(token));
  }

  /** Lifts a lockout (an admin vouching for a colleague). */
  unlock(email: string): void {
    this.db.prepare('DELETE FROM console_login_failures WHERE email = ?').run(normalizeEmail(email));
  }

  private findRow(email: string): AccountRow | undefined {
    return this.db.prepare('SELECT * FROM console_accounts WHERE email = ?').get(email) as AccountRow | undefined;
  }
}

import { createHash, randomBytes } from 'node:crypto';
import { conflict, invalidInput, newId, type Clock, type SqlDb } from '../platform/index.ts';
import { dummyHash, hashPassword, verifyPassword } from './password.ts';
import { DEFAULT_LOCKOUT, ROLES, type Account, type LockoutPolicy, type Role, type Session, type SignInResult } from './types.ts';

const normalizeEmail = (email: string) => email.trim().toLowerCase();
/** Only a hash of the session token is stored, so a leaked database cannot be replayed as cookies. */
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

interface AccountRow extends Account { password_hash: string }
interface FailureRow { failures: number; locked_until: string | null }

/** Console accounts: who may sign in, their sessions, and the lockout after repeated failures. */
export class AccountsService {
  constructor(private readonly db: SqlDb, private readonly clock: Clock, private readonly policy: LockoutPolicy = DEFAULT_LOCKOUT) {}

  async add(email: string, role: Role, password: string): Promise<Account> {
    const normalized = normalizeEmail(email);
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(normalized)) throw invalidInput(`"${email}" is not an email address.`, { field: 'email' });
    if (!ROLES.includes(role)) throw invalidInput(`Role must be agent or admin, not "${role}".`, { field: 'role' });
    if (password.length < 12) throw invalidInput('The password must be at least 12 characters.', { field: 'password', fix: 'Use a longer password, or omit it to have one generated.' });
    const duplicate = () => conflict(`An account for ${normalized} already exists.`, { field: 'email' });
    if (await this.findRow(normalized)) throw duplicate();
    const account: Account = { id: newId('acct'), email: normalized, role, created_at: this.clock.now().toISOString(), last_login_at: null };
    const password_hash = await hashPassword(password);
    // The unique email decides a race between two admins (or replicas) adding the same address.
    const inserted = await this.db.run('INSERT INTO console_accounts (id, email, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (email) DO NOTHING',
      [account.id, account.email, account.role, password_hash, account.created_at]);
    if (inserted === 0) throw duplicate();
    return account;
  }

  async list(): Promise<Account[]> {
    return this.db.all<Account>('SELECT id, email, role, created_at, last_login_at FROM console_accounts ORDER BY email');
  }

  /**
   * Checks a password. The attempt takes its place in the count before the password is checked, so
   * parallel guesses cannot all slip in before the lock, and a slow failure cannot undo it. Unknown
   * emails are verified against a dummy hash and count the same way, so neither timing nor lockout
   * tells whether an account exists.
   */
  async signIn(email: string, password: string): Promise<SignInResult> {
    const normalized = normalizeEmail(email);
    const now = this.clock.now();
    const attempt = await this.countAttempt(normalized, now);
    const locked = () => ({ ok: false as const, reason: 'locked' as const, retryAfterSeconds: Math.max(1, Math.ceil((new Date(attempt.locked_until!).getTime() - now.getTime()) / 1000)) });
    if (attempt.failures > this.policy.maxFailures) return locked();
    const row = await this.findRow(normalized);
    const valid = await verifyPassword(password, row?.password_hash ?? (await dummyHash()));
    if (!row || !valid) return attempt.locked_until ? locked() : { ok: false, reason: 'invalid' };
    await this.db.run('DELETE FROM console_login_failures WHERE email = ?', [normalized]);
    await this.db.run('UPDATE console_accounts SET last_login_at = ? WHERE id = ?', [now.toISOString(), row.id]);
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.policy.sessionHours * 3_600_000).toISOString();
    await this.db.run('INSERT INTO console_sessions (token_hash, account_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
      [tokenHash(token), row.id, csrfToken, now.toISOString(), expiresAt]);
    const { password_hash: _hash, ...account } = row;
    return { ok: true, token, session: { account: { ...account, last_login_at: now.toISOString() }, csrfToken, expiresAt } };
  }

  /** The live session for a cookie value, or null when unknown or expired. */
  async session(token: string): Promise<Session | null> {
    const row = await this.db.get<Account & { csrf_token: string; expires_at: string }>(`SELECT a.id, a.email, a.role, a.created_at, a.last_login_at, s.csrf_token, s.expires_at
      FROM console_sessions s JOIN console_accounts a ON a.id = s.account_id WHERE s.token_hash = ?`, [tokenHash(token)]);
    if (!row || new Date(row.expires_at) <= this.clock.now()) return null;
    const { csrf_token, expires_at, ...account } = row;
    return { account, csrfToken: csrf_token, expiresAt: expires_at };
  }

  async signOut(token: string): Promise<void> {
    await this.db.run('DELETE FROM console_sessions WHERE token_hash = ?', [tokenHash(token)]);
  }

  /** Lifts a lockout (an admin vouching for a colleague). */
  async unlock(email: string): Promise<void> {
    await this.db.run('DELETE FROM console_login_failures WHERE email = ?', [normalizeEmail(email)]);
  }

  /**
   * Counts one attempt in a single statement and returns the count it got. The attempt that reaches
   * the limit sets a lock; attempts during a lock count past the limit (and are refused unchecked)
   * but never move `locked_until`; the first attempt after a lock expires starts again at 1.
   * A successful sign-in deletes the row, so only failures accumulate.
   */
  private async countAttempt(email: string, now: Date): Promise<FailureRow> {
    const at = now.toISOString();
    const max = this.policy.maxFailures;
    const lockUntil = new Date(now.getTime() + this.policy.lockMinutes * 60_000).toISOString();
    const active = 'console_login_failures.locked_until IS NOT NULL AND console_login_failures.locked_until > ?';
    const row = await this.db.get<FailureRow>(`INSERT INTO console_login_failures (email, failures, locked_until, last_failure_at) VALUES (?, 1, ?, ?)
      ON CONFLICT (email) DO UPDATE SET
        failures = CASE WHEN ${active} THEN (CASE WHEN console_login_failures.failures > ? THEN console_login_failures.failures ELSE ? END) + 1
          WHEN console_login_failures.locked_until IS NOT NULL THEN 1 ELSE console_login_failures.failures + 1 END,
        locked_until = CASE WHEN ${active} THEN console_login_failures.locked_until
          WHEN console_login_failures.locked_until IS NULL AND console_login_failures.failures + 1 >= ? THEN ?
          WHEN console_login_failures.locked_until IS NOT NULL AND 1 >= ? THEN ? ELSE NULL END,
        last_failure_at = excluded.last_failure_at
      RETURNING failures, locked_until`,
    [email, max <= 1 ? lockUntil : null, at, at, max, max, at, max, lockUntil, max, lockUntil]);
    return { failures: Number(row!.failures), locked_until: row!.locked_until };
  }

  private async findRow(email: string): Promise<AccountRow | undefined> {
    return this.db.get<AccountRow>('SELECT id, email, role, password_hash, created_at, last_login_at FROM console_accounts WHERE email = ?', [email]);
  }
}

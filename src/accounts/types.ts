export const ROLES = ['agent', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Account {
  id: string;
  email: string;
  role: Role;
  created_at: string;
  last_login_at: string | null;
}

/** A signed-in console user; `csrfToken` must accompany every state-changing request of the session. */
export interface Session {
  account: Account;
  csrfToken: string;
  expiresAt: string;
}

export type SignInResult =
  | { ok: true; token: string; session: Session }
  | { ok: false; reason: 'invalid' | 'locked'; retryAfterSeconds?: number };

export interface LockoutPolicy {
  /** Consecutive failures for one email before it is locked. */
  maxFailures: number;
  lockMinutes: number;
  sessionHours: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, lockMinutes: 15, sessionHours: 12 };

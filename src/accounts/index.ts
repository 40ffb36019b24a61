export { AccountsService } from './service.ts';
export { accountsMigrations } from './migrations.ts';
export { generatePassword, hashPassword, verifyPassword } from './password.ts';
export { ROLES, DEFAULT_LOCKOUT } from './types.ts';
export type { Account, Role, Session, SignInResult, LockoutPolicy } from './types.ts';

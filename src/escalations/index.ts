export type { Escalation, EscalationStatus, Priority, Category, NewEscalation, HeldAction, HeldStatus, Transcript } from './types.ts';
export { ESCALATION_STATUSES, PRIORITIES, CATEGORIES, HELD_STATUSES, transcriptSchema } from './types.ts';
export { SqliteEscalations } from './repository.ts';
export type { SqliteEscalations as Escalations } from './repository.ts';
export type { EscalationFilter, Who } from './repository.ts';
export { WebhookOutbox, enqueueEvent } from './outbox.ts';
export type { WebhookOptions } from './outbox.ts';
export { escalationsMigrations } from './migrations.ts';

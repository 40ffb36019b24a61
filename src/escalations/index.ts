export type { Escalation, EscalationStatus, Priority, Category, NewEscalation, HeldAction, HeldStatus, Transcript } from './types.ts';
export { ESCALATION_STATUSES, PRIORITIES, CATEGORIES, HELD_STATUSES, transcriptSchema } from './types.ts';
export { SqlEscalations } from './repository.ts';
export type { SqlEscalations as Escalations } from './repository.ts';
export type { EscalationFilter, Who } from './repository.ts';
export { WebhookOutbox, enqueueEvent } from './outbox.ts';
export type { WebhookOptions, OutboxEntry } from './outbox.ts';
export { escalationsMigrations } from './migrations.ts';

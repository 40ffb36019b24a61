export type {
  Citation, ConsoleActor, ConsoleBackend, EscalationDetail, EscalationFilter, EscalationStatus, EscalationSummary,
  HeldAction, Insights, OrderView, Priority, ReplyDelivery, TranscriptEntry,
} from './port.ts';
export { ESCALATION_STATUSES, PRIORITIES } from './port.ts';
export { clusterQuestions, keywordsOf } from './knowledge-gaps.ts';
export type { QuestionCluster } from './knowledge-gaps.ts';
export { createZendeskTicket, zendeskSettings, zendeskTicketBody } from './zendesk.ts';
export type { ZendeskSettings, ZendeskTicketRef } from './zendesk.ts';
export { createConsoleBackend } from './backend.ts';
export { ConsoleReadModel } from './read-model.ts';
export type { ConsoleDeps, ConversationMessage } from './deps.ts';

import type { AuditActor } from '../../platform/index.ts';

/** Who is calling and through which surface (a ToolContext satisfies this). */
export interface Caller {
  channel: string;
  actor: AuditActor;
  conversationId?: string;
  /**
   * Whom per-client limits count against: the network address or the authenticated client, set by
   * the surface. Never something the caller picks freely (a User-Agent, a conversation id).
   */
  client?: string;
  /** The network address the request came from (HTTP surfaces), for limits a caller cannot rename itself out of. */
  clientAddress?: string;
}

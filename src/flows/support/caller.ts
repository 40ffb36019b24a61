import type { AuditActor } from '../../platform/index.ts';

/** Who is calling and through which surface (a ToolContext satisfies this). */
export interface Caller {
  channel: string;
  actor: AuditActor;
  conversationId?: string;
  /** The network address the request came from (HTTP surfaces), for limits a caller cannot rename itself out of. */
  clientAddress?: string;
}

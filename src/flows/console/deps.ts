import type { ConsoleReadModel } from './read-model.ts';

/** A stored widget message, as the console reads it. */
export interface ConversationMessage { seq: number; role: 'shopper' | 'assistant' | 'agent' | 'system'; author: string | null; text: string; created_at: string }

/**
 * What the console needs from the conversation store and the knowledge base, described by shape
 * so the console builds whether or not those capabilities are in this build.
 */
export interface ConsoleDeps {
  readModel: ConsoleReadModel;
  /** Console accounts by id, to show who claimed or decided. */
  accounts: { list(): Promise<Array<{ id: string; email: string }>> };
  conversations?: {
    get(id: string): Promise<{ updated_at: string } | null>;
    messages(id: string, afterSeq?: number): Promise<ConversationMessage[]>;
    appendAgentReply(id: string, text: string, agent: string): Promise<unknown>;
  } | null;
  answerQuestion?: ((question: string) => Promise<{ answerable: boolean; answer?: string; citations?: Array<{ title: string; url: string }> }>) | null;
}

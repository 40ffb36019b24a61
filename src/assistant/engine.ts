import type { Logger } from '../platform/index.ts';
import { detectLocale, pickLocale, t } from './language.ts';
import type { ConversationStore, StoredMessage } from './store.ts';
import type { Brain, ChatEvent, EventSink, MerchantInfo, ToolRunner, TurnInput } from './types.ts';

export interface EngineOptions {
  store: ConversationStore;
  brain: Brain;
  /** The registry bound to one conversation (actor, audit); built by the composition root. */
  toolsFor(conversationId: string, clientAddress?: string): ToolRunner;
  merchant: MerchantInfo;
  logger: Logger;
}

export interface TurnRequest extends TurnInput { conversationId?: string; locale?: string; origin?: string | null; signal?: AbortSignal; clientAddress?: string }

/**
 * One shopper turn, end to end: load (or start) the conversation from the database, let the brain
 * answer through `emit`, persist the reply with its events and the new state, end the message.
 */
export class ConversationEngine {
  constructor(private readonly options: EngineOptions) {}

  get store(): ConversationStore { return this.options.store; }

  async turn(request: TurnRequest, emit: EventSink): Promise<{ conversationId: string }> {
    const { store, merchant, logger } = this.options;
    const existing = request.conversationId ? await store.get(request.conversationId) : null;
    const record = existing ?? await store.create(pickLocale(request.locale, merchant.locales), request.origin ?? null);
    const state = record.state;
    if (request.text) state.locale = detectLocale(request.text, state.locale);
    emit({ type: 'conversation-started', conversation_id: record.id, locale: state.locale, resumed: existing !== null });
    // Let the first event reach the socket before the brain works (SQLite calls run synchronously and would hold it back).
    await new Promise<void>((resolve) => setImmediate(resolve));
    const history = (await store.messages(record.id)).filter((message) => message.role !== 'system')
      .map((message) => ({ role: message.role as 'shopper' | 'assistant' | 'agent', text: message.text }));
    await store.append(record.id, 'shopper', request.text ?? `[${request.action?.type ?? 'open'}]`, request.action ? [{ type: 'text-delta', text: JSON.stringify(request.action) }] : []);

    const events: ChatEvent[] = [];
    let text = '';
    const collect: EventSink = (event) => {
      if (event.type === 'text-delta') text += event.text;
      else events.push(event);
      emit(event);
    };
    if (state.handoff === 'human') {
      // A person owns the thread: the bot stays silent; the shopper's message waits for them.
      emit({ type: 'handoff-status', status: 'human', ...(state.ticketId ? { ticket_id: state.ticketId } : {}) });
    } else {
      try {
        await this.options.brain.respond({
          conversationId: record.id, state, input: request, history: [...history, { role: 'shopper', text: request.text ?? '' }],
          tools: this.options.toolsFor(record.id, request.clientAddress), merchant, emit: collect, ...(request.signal ? { signal: request.signal } : {}),
        });
      } catch (error) {
        logger.error({ err: error, conversation: record.id }, 'assistant turn failed');
        collect({ type: 'error-occurred', code: 'assistant_failed', message: 'The assistant hit a problem.' });
        const sorry = t(state.locale, 'dont_know');
        collect({ type: 'text-delta', text: sorry });
        state.handoff = state.handoff === 'none' ? 'offered' : state.handoff;
      }
    }
    await store.saveState(record.id, state);
    const message: StoredMessage | null = text || events.length ? await store.append(record.id, 'assistant', text, events) : null;
    emit({ type: 'message-end', message_id: message?.id ?? '', seq: message?.seq ?? 0 });
    return { conversationId: record.id };
  }

  /** Messages after `afterSeq` (resume, and the human's replies while handed off). */
  async transcript(conversationId: string, afterSeq = 0): Promise<{ messages: StoredMessage[]; handoff: string; locale: string } | null> {
    const record = await this.options.store.get(conversationId);
    if (!record) return null;
    return { messages: await this.options.store.messages(conversationId, afterSeq), handoff: record.state.handoff, locale: record.state.locale };
  }
}

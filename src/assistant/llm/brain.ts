import OpenAI from 'openai';
import type { Logger } from '../../platform/index.ts';
import { looksLikeInjection } from '../guardrails.ts';
import { t } from '../language.ts';
import type { Brain, Citation, TurnContext } from '../types.ts';
import { ActionClaimGuard, nothingChanged } from './action-claims.ts';
import { GroundingGate } from './grounding-gate.ts';
import { systemPrompt, modelTools } from './prompt.ts';
import { readStep } from './stream.ts';
import { runModelTool } from './tool-calls.ts';

export interface LlmBrainOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  /** The brain that owns confirmations, hand-off state and button presses, and answers when the model fails. */
  fallback: Brain;
  logger: Logger;
  maxSteps?: number;
  timeoutMs?: number;
}

type Message = OpenAI.Chat.Completions.ChatCompletionMessageParam;

/**
 * The OpenAI tool-calling loop over the same registry the offline brain uses. The model chooses
 * tools and words; code keeps the customer token, turns write calls into previews, and lets text
 * through only sentence by sentence once its policy claims cite retrieved passages.
 */
export class LlmBrain implements Brain {
  readonly name = 'llm';
  private readonly client: OpenAI;

  constructor(private readonly options: LlmBrainOptions) {
    this.client = new OpenAI({ apiKey: options.apiKey, baseURL: options.baseURL, timeout: options.timeoutMs ?? 20_000, maxRetries: 1 });
  }

  async respond(turn: TurnContext): Promise<void> {
    const { state, input } = turn;
    const text = input.text ?? '';
    // Confirmations, buttons, hand-off and injected instructions never reach the model: code decides them.
    if (state.pending || input.action || state.handoff !== 'none' || !text.trim() || looksLikeInjection(text)) return this.options.fallback.respond(turn);

    const retrieved: Citation[] = [];
    let streamed = false;
    // Sentences pass the grounding gate, then the action-claim guard, before anything is emitted.
    const claims = new ActionClaimGuard();
    const gate = new GroundingGate(() => retrieved, (sentence) => {
      if (!claims.allows(sentence)) return;
      streamed = true;
      turn.emit({ type: 'text-delta', text: sentence });
    });
    const messages: Message[] = [
      { role: 'system', content: systemPrompt(turn.merchant, state.locale) },
      ...turn.history.slice(-13, -1).filter((message) => message.text).map((message): Message => message.role === 'shopper'
        ? { role: 'user', content: message.text } : { role: 'assistant', content: message.text }),
      { role: 'user', content: text },
    ];
    const tools = modelTools(turn.tools.specs());
    const maxSteps = this.options.maxSteps ?? 6;
    try {
      for (let step = 0; step < maxSteps; step++) {
        const stream = await this.client.chat.completions.create(
          { model: this.options.model, messages, tools, stream: true, temperature: 0.2 },
          turn.signal ? { signal: turn.signal } : {},
        );
        const result = await readStep(stream, (delta) => gate.push(delta));
        if (result.toolCalls.length === 0) {
          gate.flush();
          if (gate.isClosed) return this.ungrounded(turn, gate.failure);
          if (claims.blocked) return this.unbacked(turn, claims.blocked, streamed);
          if (gate.used.size) turn.emit({ type: 'citations', citations: [...gate.used.values()] });
          if (!streamed) turn.emit({ type: 'text-delta', text: t(state.locale, 'dont_know') });
          return;
        }
        messages.push({ role: 'assistant', content: result.content || null, tool_calls: result.toolCalls.map((call) => ({ id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } })) });
        // One action at a time: only the first write call of a step runs; the others are told to wait.
        let wrote = false;
        for (const call of result.toolCalls) {
          const content = await runModelTool(turn, call.name, call.arguments, retrieved, wrote);
          if (content.wrote) wrote = true;
          if (content.executed) claims.record(content.executed);
          messages.push({ role: 'tool', tool_call_id: call.id, content: content.text });
        }
      }
      this.options.logger.warn({ conversation: turn.conversationId }, 'llm step budget exhausted');
      return this.ungrounded(turn, 'step budget exhausted');
    } catch (error) {
      this.options.logger.warn({ err: error, conversation: turn.conversationId }, 'llm call failed');
      if (!streamed && !state.pending) return this.options.fallback.respond(turn);
      turn.emit({ type: 'error-occurred', code: 'model_failed', message: 'The language model stopped responding.' });
      turn.emit({ type: 'text-delta', text: ` ${t(state.locale, 'dont_know')}` });
    }
  }

  private unbacked(turn: TurnContext, reason: string, streamed: boolean): void {
    this.options.logger.warn({ conversation: turn.conversationId, reason }, 'answer cut: action claim without an executed tool');
    turn.emit({ type: 'text-delta', text: `${streamed ? ' ' : ''}${nothingChanged(turn.state.locale, Boolean(turn.state.pending))}` });
  }

  private ungrounded(turn: TurnContext, reason: string | null): void {
    this.options.logger.info({ conversation: turn.conversationId, reason }, 'answer replaced: not grounded');
    turn.state.handoff = 'offered';
    turn.emit({ type: 'text-delta', text: `${turn.state.locale === 'fr' ? ' ' : ' '}${t(turn.state.locale, 'dont_know')}`.trimStart() });
  }
}

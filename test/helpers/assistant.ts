import { loadConfig } from '../../src/config/index.ts';
import { prepareMerchant } from '../../src/flows/index.ts';
import { createRuntime, type Runtime } from '../../src/main.ts';
import { createLogger, fixedClock } from '../../src/platform/index.ts';
import { buildEngine } from '../../src/surfaces/web/index.ts';
import { TOOLS, type ToolDefinition } from '../../src/tools/index.ts';
import type { ChatEvent, ConversationEngine, TurnInput } from '../../src/assistant/index.ts';
import { DEMO_MERCHANT, tempDir } from './paths.ts';

export interface Reply { text: string; events: ChatEvent[]; conversationId: string }

/** A runtime with the merchant imported and an engine over the registry (plus test-only tools). */
export async function startEngine(options: { merchant?: string; extraTools?: ToolDefinition[]; omit?: string[]; env?: Record<string, string> } = {}) {
  const data = tempDir('shopkeeper-assistant-');
  const config = loadConfig({ env: { LOG_LEVEL: 'silent', ...options.env }, flags: { merchant: options.merchant ?? DEMO_MERCHANT, data: data.path } });
  const runtime: Runtime = await createRuntime(config, { logger: createLogger({ level: 'silent' }), clock: fixedClock('2026-11-28T12:00:00Z') });
  await prepareMerchant(runtime);
  const registry = [...TOOLS.filter((tool) => !options.omit?.includes(tool.name) && !options.extraTools?.some((extra) => extra.name === tool.name)), ...(options.extraTools ?? [])];
  const engine: ConversationEngine = buildEngine(runtime, runtime.conversations, registry);
  let conversationId: string | undefined;
  const send = async (input: TurnInput | string): Promise<Reply> => {
    const events: ChatEvent[] = [];
    const turn = typeof input === 'string' ? { text: input } : input;
    const result = await engine.turn({ ...turn, ...(conversationId ? { conversationId } : {}) }, (event) => events.push(event));
    conversationId = result.conversationId;
    return { text: events.filter((event) => event.type === 'text-delta').map((event) => (event as { text: string }).text).join(''), events, conversationId };
  };
  return {
    runtime, engine, send,
    event<T extends ChatEvent['type']>(reply: Reply, type: T) { return reply.events.find((event) => event.type === type) as Extract<ChatEvent, { type: T }> | undefined; },
    reset() { conversationId = undefined; },
    async stop() { await runtime.close(); data.cleanup(); },
  };
}

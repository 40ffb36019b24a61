import { Router } from 'express';
import { ConversationEngine, LlmBrain, OfflineBrain, type Brain, type ConversationStore } from '../../assistant/index.ts';
import type { Services } from '../../flows/index.ts';
import { TOOLS, type ToolDefinition } from '../../tools/index.ts';
import { chatRoutes } from './chat-routes.ts';
import { pageRoutes } from './pages.ts';
import { createToolRunner } from './tool-runner.ts';

export { createToolRunner } from './tool-runner.ts';

export interface WebRouterOptions {
  conversations: ConversationStore;
  allowedOrigins: string[];
  publicUrl: () => string;
  /** Tests add stand-ins for tools that have not landed yet; production uses the registry. */
  tools?: readonly ToolDefinition[];
}

/** Chooses the brain: the LLM when OPENAI_API_KEY is set (offline as its fallback), else offline. */
export function buildEngine(services: Services, conversations: ConversationStore, tools: readonly ToolDefinition[] = TOOLS): ConversationEngine {
  const offline = new OfflineBrain();
  const { config } = services;
  const brain: Brain = config.openaiApiKey
    ? new LlmBrain({ apiKey: config.openaiApiKey, ...(config.openaiBaseUrl ? { baseURL: config.openaiBaseUrl } : {}), model: config.openaiModel, fallback: offline, logger: services.logger })
    : offline;
  const profile = services.merchant.profile;
  return new ConversationEngine({
    store: conversations, brain, logger: services.logger,
    toolsFor: (conversationId, clientAddress) => createToolRunner(services, conversationId, tools, clientAddress),
    merchant: { name: profile.name, url: profile.url, supportEmail: profile.support.email, locales: profile.locales },
  });
}

/** The shopper-facing surface: chat API, widget bundle, demo storefront, hosted checkout page. */
export function webRouter(services: Services, options: WebRouterOptions): { router: Router; engine: ConversationEngine } {
  const engine = buildEngine(services, options.conversations, options.tools);
  const fixed = new Set(options.allowedOrigins.map((origin) => new URL(origin).origin));
  const router = Router();
  router.use(chatRoutes({
    engine, ratePerMinute: services.config.chatRatePerMinute, rateLimiter: services.rateLimiter,
    allowedOrigins: () => new Set([...fixed, new URL(options.publicUrl()).origin]),
  }));
  router.use(pageRoutes(services, { publicUrl: options.publicUrl }));
  return { router, engine };
}

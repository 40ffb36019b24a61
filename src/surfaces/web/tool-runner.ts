import { z } from 'zod';
import type { ToolResult, ToolRunner, ToolSpec } from '../../assistant/index.ts';
import type { Services } from '../../flows/index.ts';
import { ShopkeeperError } from '../../platform/index.ts';
import { TOOLS, type ToolContext, type ToolDefinition } from '../../tools/index.ts';
import { chatClientAddress } from './client-address.ts';

// Argument docs travel in the JSON schema, so the prose is the bare description (no customer_token mention for the model).
const specCache = new WeakMap<readonly ToolDefinition[], ToolSpec[]>();

/**
 * The registry as the conversation engine sees it, bound to one conversation (the audit actor).
 * Input is validated by the tool's own schema; domain errors come back as values, not throws.
 */
export function createToolRunner(services: Services, conversationId: string, tools: readonly ToolDefinition[] = TOOLS, clientAddress?: string): ToolRunner {
  const context: ToolContext = { services, channel: 'chat', actor: { kind: 'shopper', id: conversationId }, conversationId, ...(clientAddress ? { clientAddress } : {}) };
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  return {
    has: (name) => byName.has(name),
    specs: () => {
      let specs = specCache.get(tools);
      if (!specs) {
        specs = tools.map((tool) => ({
          name: tool.name, description: tool.description, readOnly: tool.annotations.readOnlyHint,
          parameters: z.toJSONSchema(tool.input, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
        }));
        specCache.set(tools, specs);
      }
      return specs;
    },
    async call(name, input): Promise<ToolResult> {
      const tool = byName.get(name);
      if (!tool) return { ok: false, error: { code: 'unavailable', message: `No tool ${name}.` } };
      const parsed = tool.input.safeParse(input);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        return { ok: false, error: { code: 'invalid_input', message: `${issue.path.join('.') || 'input'}: ${issue.message}` } };
      }
      try {
        const address = chatClientAddress.getStore();
        return { ok: true, output: await tool.execute(address ? { ...context, client: `chat:address:${address}` } : context, parsed.data) };
      } catch (error) {
        if (ShopkeeperError.isInstance(error)) {
          // The rule and article of a policy refusal let the engine explain (and cite) instead of improvising.
          const { rule, article, fix } = error.details as { rule?: unknown; article?: unknown; fix?: unknown };
          return { ok: false, error: { code: error.code, message: error.message, ...(typeof rule === 'string' ? { rule } : {}), ...(typeof article === 'string' ? { article } : {}), ...(typeof fix === 'string' ? { fix } : {}) } };
        }
        services.logger.error({ err: error, tool: name }, 'tool failed in chat');
        return { ok: false, error: { code: 'internal', message: 'The tool failed on the merchant side.' } };
      }
    },
  };
}

import { z } from 'zod';
import type { Services } from '../flows/index.ts';

/** Who is calling a tool and through which surface; recorded in the audit log. */
export interface ToolContext {
  services: Services;
  channel: 'mcp' | 'chat' | 'acp' | 'console' | 'cli' | 'test';
  /** The caller for rate limits and audit: an MCP client, a chat conversation, a support agent. */
  actor: { kind: 'assistant' | 'shopper' | 'support_agent' | 'system'; id: string };
  /** Conversation this call belongs to, when there is one (chat widget, console). */
  conversationId?: string;
  /** Whom per-client limits count against: the network address or authenticated client (see Caller). */
  client?: string;
  /** The client's network address (MCP over HTTP, chat), for rate limits the caller's name cannot dodge. */
  clientAddress?: string;
}

export interface ToolAnnotations {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

/**
 * One agent tool: the MCP server, the chat engine and the tests all read this same definition.
 * `description` is the prose; the argument list is generated from `input` (see describeTool).
 */
export interface ToolDefinition<Input extends z.ZodObject = z.ZodObject, Output extends z.ZodType = z.ZodType> {
  name: string;
  title: string;
  description: string;
  input: Input;
  output: Output;
  annotations: ToolAnnotations;
  execute(context: ToolContext, input: z.output<Input>): Promise<z.output<Output>>;
  /** A one-line text summary of a result for hosts that show text only. */
  summarize?(output: z.output<Output>): string;
}

export function defineTool<Input extends z.ZodObject, Output extends z.ZodType>(definition: ToolDefinition<Input, Output>): ToolDefinition<Input, Output> {
  return definition;
}

export const READ_ONLY: ToolAnnotations = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };

/** The description with an "Arguments" list generated from the input schema, so prose and schema cannot drift. */
export function describeTool(tool: Pick<ToolDefinition, 'description' | 'input'>): string {
  const shape = tool.input.shape as Record<string, z.ZodType>;
  const lines = Object.entries(shape).map(([name, schema]) => {
    const optional = schema.safeParse(undefined).success;
    const note = schema.description ? `: ${schema.description}` : '';
    return `- ${name}${optional ? ' (optional)' : ''}${note}`;
  });
  return lines.length ? `${tool.description}\n\nArguments:\n${lines.join('\n')}` : tool.description;
}

import { McpServer, ResourceTemplate } from '@modelcontextprotocol/server';
import { stringify as toYaml } from 'yaml';
import type { Services } from '../../flows/index.ts';
import { ShopkeeperError } from '../../platform/index.ts';
import { TOOLS, type ToolContext, type ToolDefinition } from '../../tools/index.ts';
import { serverInstructions } from './instructions.ts';
import { registerPrompts } from './prompts.ts';
import { toolRegistration } from './tool-registrations.ts';
import { MCP_APP_MIME, WIDGETS, widgetHtml, widgetResourceMeta } from './widgets.ts';

export interface McpServerOptions {
  version: string;
  /** The origin widgets are served from, for hosts that sandbox them per domain. */
  widgetDomain: string;
  /** Identifies the caller in audit logs. */
  actorId: string;
  /** Whom per-client rate limits count against (network address or authenticated client); defaults to actorId. */
  client?: string;
  /** The client's network address, for limits the caller cannot rename itself out of. */
  clientAddress?: string;
}

type CallToolResult = { content: Array<{ type: 'text'; text: string }>; structuredContent?: Record<string, unknown>; isError?: boolean };

function errorResult(message: string): CallToolResult {
  // With an outputSchema declared, an error result carries no structuredContent (clients may validate it).
  return { content: [{ type: 'text', text: message }], isError: true };
}

/** Runs one registry tool and maps the outcome to an MCP result: failures are isError results, never protocol errors. */
async function callTool(tool: ToolDefinition, context: ToolContext, args: unknown): Promise<CallToolResult> {
  const parsed = tool.input.safeParse(args ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return errorResult(`Invalid argument ${issue.path.join('.') || '(arguments)'}: ${issue.message}. Check the tool's input schema and call again.`);
  }
  try {
    const output = await tool.execute(context, parsed.data);
    const text = tool.summarize ? tool.summarize(output) : JSON.stringify(output);
    return { content: [{ type: 'text', text }], structuredContent: output as Record<string, unknown> };
  } catch (error) {
    if (ShopkeeperError.isInstance(error)) {
      return errorResult([error.message, typeof error.details.fix === 'string' ? error.details.fix : ''].filter(Boolean).join(' '));
    }
    context.services.logger.error({ err: error, tool: tool.name }, 'tool failed');
    return errorResult('The tool failed on the merchant side. Try again shortly, or offer escalate_to_human.');
  }
}

/**
 * Builds one MCP server over the tool registry. It is created per request (stateless), so any
 * replica can answer any call; state lives in the database and in explicit tool arguments.
 */
export function buildMcpServer(services: Services, options: McpServerOptions): McpServer {
  const profile = services.merchant.profile;
  const server = new McpServer(
    { name: 'shopkeeper', title: `${profile.name} (Shopkeeper)`, version: options.version },
    { instructions: serverInstructions(profile) },
  );
  const context: ToolContext = {
    services, channel: 'mcp', actor: { kind: 'assistant', id: options.actorId },
    ...(options.client ? { client: options.client } : {}), ...(options.clientAddress ? { clientAddress: options.clientAddress } : {}),
  };

  for (const tool of TOOLS) {
    server.registerTool(tool.name, toolRegistration(tool), (args: unknown) => callTool(tool, context, args) as never);
  }

  const resourceMeta = widgetResourceMeta(options.widgetDomain);
  for (const widget of Object.values(WIDGETS)) {
    server.registerResource(widget.name, widget.uri, { title: widget.title, description: widget.description, mimeType: MCP_APP_MIME, _meta: resourceMeta },
      async (uri: URL) => ({ contents: [{ uri: uri.href, mimeType: MCP_APP_MIME, text: widgetHtml(widget), _meta: resourceMeta }] }));
  }

  server.registerResource('policy', 'shopkeeper://policy', { title: `${profile.name} support policy`, description: 'Return windows, exchange and cancellation rules, refund destinations (policy.yaml).', mimeType: 'text/yaml' },
    async (uri: URL) => ({ contents: [{ uri: uri.href, mimeType: 'text/yaml', text: toYaml(services.merchant.policy) }] }));

  server.registerResource('help-article', new ResourceTemplate('shopkeeper://help/{locale}/{id}', {
    list: async () => ({
      resources: (await services.articles.list()).map((article) => ({
        uri: `shopkeeper://help/${article.locale}/${article.id}`, name: article.title, mimeType: 'text/markdown',
        description: `${article.section} · updated ${article.updated} · ${article.url}`,
      })),
    }),
  }), { title: 'Help-center article', mimeType: 'text/markdown' }, async (uri: URL, variables: Record<string, string | string[]>) => {
    const article = await services.articles.get(String(variables.id), String(variables.locale));
    if (!article) throw new ShopkeeperError('not_found', `No help article ${variables.locale}/${variables.id}`);
    return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: `# ${article.title}\n\nSource: ${article.url} (updated ${article.updated})\n\n${article.body}` }] };
  });

  registerPrompts(server, profile.name);
  return server;
}

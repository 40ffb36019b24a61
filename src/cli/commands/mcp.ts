import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { prepareMerchant } from '../../flows/index.ts';
import { createRuntime } from '../../main.ts';
import { createLogger } from '../../platform/index.ts';
import { VERSIONS } from '../../server.ts';
import { buildMcpServer } from '../../surfaces/mcp/index.ts';
import type { Command } from '../command.ts';

export const mcpCommand: Command = {
  name: 'mcp',
  summary: 'Serve the MCP tools over stdio for desktop hosts (Claude Desktop, IDEs); HTTP hosts use /mcp of `serve`',
  usage: 'shopkeeper mcp --stdio [--merchant DIR] [--data DIR]',
  flags: { stdio: { type: 'boolean' } },
  async run(context) {
    if (!context.flags.stdio) {
      console.error('Only --stdio is served by this command; for HTTP, run `shopkeeper serve` and use /mcp.');
      return 2;
    }
    const config = context.config();
    // stdout carries the protocol, so logs go to stderr only.
    const runtime = await createRuntime(config, { logger: createLogger({ level: config.logLevel === 'info' ? 'warn' : config.logLevel }) });
    await prepareMerchant(runtime);
    const handle = serveStdio(() => buildMcpServer(runtime, { version: VERSIONS.shopkeeper, widgetDomain: config.publicUrl ?? runtime.merchant.profile.url, actorId: 'mcp:stdio' }), {
      onerror: (error) => runtime.logger.warn({ err: error }, 'mcp stdio error'),
    });
    await new Promise<void>((resolve) => {
      process.stdin.once('end', resolve);
      process.once('SIGTERM', resolve);
      process.once('SIGINT', resolve);
    });
    await handle.close();
    await runtime.close();
    return 0;
  },
};

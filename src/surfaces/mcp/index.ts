export { mcpRouter } from './router.ts';
export type { McpRouterOptions } from './router.ts';
export { buildMcpServer } from './server.ts';
export { serverInstructions } from './instructions.ts';
export { WIDGETS, MCP_APP_MIME } from './widgets.ts';

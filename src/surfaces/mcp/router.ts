import { hostHeaderValidation } from '@modelcontextprotocol/express';
import { toNodeHandler } from '@modelcontextprotocol/node';
import { createMcpHandler } from '@modelcontextprotocol/server';
import { Router } from 'express';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Services } from '../../flows/index.ts';
import { buildMcpServer } from './server.ts';

/** Carries the socket's address to the per-request server factory; whatever a client sent under this name is overwritten. */
const CLIENT_ADDRESS_HEADER = 'x-shopkeeper-client-address';

export interface McpRouterOptions {
  version: string;
  /** Hostnames accepted in the Host header (DNS-rebinding protection). */
  allowedHosts: string[];
  /** Origins a browser may call /mcp from; requests without Origin (server-to-server hosts) pass. */
  allowedOrigins: string[];
  /** Known only once the server listens (port 0 in tests). */
  publicUrl: () => string;
}

/**
 * `/mcp` over Streamable HTTP for both protocol eras: 2026-07-28 clients get the stateless modern
 * protocol, 2025-era clients a fresh server per request. No sessions are kept anywhere.
 */
export function mcpRouter(services: Services, options: McpRouterOptions): { router: Router; close: () => Promise<void> } {
  // The network address of the request being served, for the server the handler builds for it.
  const peer = new AsyncLocalStorage<string>();
  const handler = createMcpHandler(
    ({ requestInfo, authInfo }) => buildMcpServer(services, {
      version: options.version,
      widgetDomain: options.publicUrl(),
      // The User-Agent names the client in the audit log only: the client picks it freely, so
      // per-client limits count against the authenticated client or else the network address.
      actorId: `mcp:${requestInfo?.headers.get('user-agent')?.slice(0, 60) ?? 'unknown'}`,
      client: authInfo?.clientId ? `mcp:client:${authInfo.clientId}` : `mcp:address:${peer.getStore() ?? 'unknown'}`,
      clientAddress: requestInfo?.headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown',
    }),
    { onerror: (error) => services.logger.warn({ err: error }, 'mcp request rejected') },
  );
  const serve = toNodeHandler(handler, { onerror: (error) => services.logger.error({ err: error }, 'mcp handler failed') });
  const allowedOrigins = new Set(options.allowedOrigins);
  const allowedHosts = new Set(options.allowedHosts);
  // A browser page on an accepted host (localhost, the public URL) may call /mcp; other origins may not.
  const originAllowed = (origin: string) => {
    if (allowedOrigins.has(origin)) return true;
    try {
      return allowedHosts.has(new URL(origin).hostname) || allowedHosts.has(`[${new URL(origin).hostname}]`);
    } catch {
      return false;
    }
  };
  const router = Router();
  router.all('/mcp', hostHeaderValidation(options.allowedHosts), (request, response, next) => {
    const origin = request.headers.origin;
    if (origin && !originAllowed(origin)) {
      response.status(403).json({ jsonrpc: '2.0', error: { code: -32000, message: `Origin ${origin} is not allowed to call this MCP server.` }, id: null });
      return;
    }
    request.headers[CLIENT_ADDRESS_HEADER] = request.ip ?? request.socket.remoteAddress ?? 'unknown';
    peer.run(request.ip ?? request.socket.remoteAddress ?? 'unknown', () => serve(request, response, request.body)).catch(next);
  });
  return { router, close: () => handler.close() };
}

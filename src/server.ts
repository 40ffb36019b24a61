import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import type { Config } from './config/index.ts';
import { finishApprovedHeldActions, prepareMerchant, settlePayments, type MerchantImportSummary } from './flows/index.ts';
import { ConsoleReadModel, createConsoleBackend, type ConsoleBackend } from './flows/console/index.ts';
import { createRuntime, type Runtime, type RuntimeOptions } from './main.ts';
import { acpErrorHandler, acpRouter, startWebhookWorker } from './surfaces/acp/index.ts';
import { createHttpApp } from './surfaces/http/index.ts';
import { mcpRouter } from './surfaces/mcp/index.ts';
import { webRouter } from './surfaces/web/index.ts';
import { consoleRouter, requireSession } from './surfaces/console/index.ts';

const packageJson = createRequire(import.meta.url)('../package.json') as { version: string };

export const VERSIONS = { shopkeeper: packageJson.version, node: process.versions.node };

export interface RunningServer {
  url: string;
  port: number;
  runtime: Runtime;
  /** The import done at start, when the database was empty. */
  initialImport: MerchantImportSummary | null;
  close(): Promise<void>;
}

export interface ServerOptions extends RuntimeOptions {
  /** Replaces the console's backend (tests); by default it is built over the capabilities. */
  consoleBackend?: ConsoleBackend;
  consolePollMs?: number;
}

/**
 * Starts the whole service: opens storage, imports the merchant directory when the database is
 * empty (so `npm start` on a fresh clone serves the demo), and listens.
 */
export async function startServer(config: Config, options: ServerOptions = {}): Promise<RunningServer> {
  const runtime = await createRuntime(config, options);
  let initialImport: MerchantImportSummary | null = null;
  try {
    initialImport = await prepareMerchant(runtime);
  } catch (error) {
    await runtime.close();
    throw error;
  }
  // Every surface reads the one base URL the runtime holds (known once the server listens).
  const publicUrl = runtime.baseUrl;
  const hostOf = (url: string) => new URL(url).hostname;
  const mcp = mcpRouter(runtime, {
    version: VERSIONS.shopkeeper,
    allowedHosts: ['localhost', '127.0.0.1', '[::1]', ...(config.publicUrl ? [hostOf(config.publicUrl)] : []), ...config.allowedHostList],
    allowedOrigins: [runtime.merchant.profile.url, ...(config.publicUrl ? [new URL(config.publicUrl).origin] : []), ...config.allowedOriginList],
    publicUrl,
  });
  const web = webRouter(runtime, {
    conversations: runtime.conversations,
    allowedOrigins: [runtime.merchant.profile.url, ...(config.publicUrl ? [new URL(config.publicUrl).origin] : []), ...config.allowedOriginList],
    publicUrl,
  });
  const stopWebhooks = runtime.escalationWebhook?.start();
  const supportConsole = consoleRouter(runtime, {
    accounts: runtime.accounts, backend: options.consoleBackend ?? createConsoleBackend(runtime, {
      readModel: new ConsoleReadModel(runtime.sql), accounts: runtime.accounts, answerQuestion: (question) => runtime.knowledge.answerQuestion(question),
      // The widget's conversation store, once the assistant is part of the build (replies then reach the widget).
      conversations: runtime.conversations,
    }),
    publicUrl, ...(options.consolePollMs ? { pollMs: options.consolePollMs } : {}),
  });
  const app = createHttpApp(runtime, { versions: VERSIONS, routers: [mcp.router, acpRouter(runtime, runtime.sql), web.router, supportConsole], errorHandlers: [acpErrorHandler(runtime.logger)], requireConsole: requireSession(runtime.accounts, 'agent') });
  // Gives back stock held by sessions nobody finished.
  const sweeper = setInterval(() => void runtime.checkout.expireStale().catch((error) => runtime.logger.warn({ err: error }, 'expiry sweep failed')), 60_000);
  sweeper.unref();
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(config.port, config.host, (error?: Error) => (error ? reject(error) : resolve(listening)));
    listening.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  runtime.setBaseUrl(url);
  const webhooks = startWebhookWorker(runtime, { baseUrl: runtime.baseUrl() });
  // Refunds and charges of order changes whose process died (kill -9) or whose provider failed
  // (5xx, timeout) stay pending; retried here at start and every minute with the same idempotency keys.
  const settle = () => void settlePayments(runtime).catch((error) => runtime.logger.warn({ err: error }, 'settlement sweep failed; retried in a minute'));
  // Held actions an earlier version left "approved" when it died mid-approval are finished the same way.
  const finishHeld = () => void finishApprovedHeldActions(runtime).catch((error) => runtime.logger.warn({ err: error }, 'held-action sweep failed; retried in a minute'));
  const settler = setInterval(() => { settle(); finishHeld(); }, 60_000);
  settler.unref();
  settle();
  finishHeld();
  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    runtime,
    initialImport,
    close: () => {
      stopWebhooks?.();
      webhooks.stop();
      clearInterval(sweeper);
      clearInterval(settler);
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 2_000).unref();
      }).then(() => mcp.close()).then(() => runtime.close());
      return closing;
    },
  };
}

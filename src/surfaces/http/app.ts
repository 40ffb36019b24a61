import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Services } from '../../flows/index.ts';
import { assertJsonDepth } from './json-depth.ts';
import { errorHandler, sendProblem } from './problem.ts';
import { guardPath } from './request-guards.ts';
import { catalogRoutes } from './routes/catalog.ts';
import { healthRoutes } from './routes/health.ts';
import { helpRoutes } from './routes/help.ts';

export interface HttpAppOptions {
  versions: Record<string, string>;
  /** Extra routers mounted before the 404 handler (ACP, MCP, widget, console). */
  routers?: express.Router[];
  /** Error handlers that answer in their own wire format for their paths (ACP's flat Error), before the default one. */
  errorHandlers?: express.ErrorRequestHandler[];
  /** The console's session check: it guards the detailed health report at /console/api/health. */
  requireConsole?: express.RequestHandler;
}

/** The Express app: JSON limits, the read-only API, and one error mapping for every route. */
export function createHttpApp(services: Services, options: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // request.ip (rate limits) is the socket address unless the operator names the proxies in front.
  app.set('trust proxy', services.config.trustProxy);
  // Security headers. The widget script is loaded by other origins (the merchant's site), so
  // resources stay loadable cross-origin; pages that need a CSP set their own.
  app.use(helmet({ contentSecurityPolicy: false, crossOriginResourcePolicy: { policy: 'cross-origin' }, crossOriginEmbedderPolicy: false }));
  app.use((request, response, next) => {
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      services.logger.debug({ method: request.method, path: request.path, status: response.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }, 'request');
    });
    next();
  });
  app.use(guardPath);
  // The raw bytes are kept for signature checks (Stripe webhooks sign the exact body), and
  // hostile nesting is refused before parsing.
  app.use(express.json({
    limit: services.config.maxBodyBytes,
    strict: true,
    verify: (request, _response, raw) => {
      assertJsonDepth(raw);
      (request as { rawBody?: Buffer }).rawBody = raw;
    },
  }));
  app.use(healthRoutes(services, options.versions, options.requireConsole));
  app.use(catalogRoutes(services));
  app.use(helpRoutes(services));
  for (const router of options.routers ?? []) app.use(router);
  app.use((request, response) => {
    sendProblem(response, { title: 'Not found', status: 404, code: 'not_found', detail: `No route for ${request.method} ${request.path}.`, fix: 'Check the path; the README lists what this server serves.' });
  });
  for (const handler of options.errorHandlers ?? []) app.use(handler);
  app.use(errorHandler(services.logger));
  return app;
}

import { Router, type RequestHandler } from 'express';
import type { Services } from '../../../flows/index.ts';

const startedAt = Date.now();

/**
 * `GET /health` is public liveness for load balancers and uptime checks: status and version only.
 * What was loaded (customer and order counts, adapters) is business data, so it sits behind the
 * console's session at `GET /console/api/health`.
 */
export function healthRoutes(services: Services, versions: Record<string, string>, requireConsole?: RequestHandler): Router {
  const router = Router();
  router.get('/health', (_request, response) => {
    response.setHeader('Cache-Control', 'no-store');
    response.json({ status: 'ok', version: versions.shopkeeper ?? 'unknown' });
  });
  if (!requireConsole) return router;
  router.get('/console/api/health', requireConsole, async (_request, response) => {
    const [catalog, orders, articles] = await Promise.all([
      services.catalogRepository.counts(), services.orders.counts(), services.articles.count(),
    ]);
    response.setHeader('Cache-Control', 'no-store');
    response.json({
      status: 'ok',
      merchant: services.merchant.profile.name,
      versions,
      // Process uptime is real elapsed time, not the (possibly pinned) business clock.
      uptime_seconds: Math.round((Date.now() - startedAt) / 1000),
      counts: {
        products: catalog.products, active_products: catalog.active_products, variants: catalog.variants,
        customers: orders.customers, orders: orders.orders, orders_by_status: orders.by_status,
        articles: articles.articles, articles_by_locale: articles.by_locale,
      },
      adapters: {
        database: services.config.databaseUrl ? 'postgres' : 'sqlite',
        embeddings: services.config.openaiApiKey ? 'openai' : 'offline',
        payments: services.config.stripeSecretKey ? 'stripe' : 'test',
      },
    });
  });
  return router;
}

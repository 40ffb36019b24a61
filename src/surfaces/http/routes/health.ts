import { Router } from 'express';
import type { Services } from '../../../flows/index.ts';

const startedAt = Date.now();

export function healthRoutes(services: Services, versions: Record<string, string>): Router {
  const router = Router();
  router.get('/health', async (_request, response) => {
    const [catalog, orders, articles] = await Promise.all([
      services.catalogRepository.counts(), services.orders.counts(), services.articles.count(),
    ]);
    response.json({
      status: 'ok',
      merchant: services.merchant.profile.name,
      versions,
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

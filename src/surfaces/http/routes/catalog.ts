import { Router } from 'express';
import { z } from 'zod';
import type { Services } from '../../../flows/index.ts';
import { notFound } from '../../../platform/index.ts';
import { sendProblem, zodProblem } from '../problem.ts';

const booleanText = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');
const minorUnits = (name: string) => z.coerce.number({ error: `${name} must be a whole number of cents, like 15000 for $150` })
  .int(`${name} must be a whole number of cents, like 15000 for $150`).min(0, `${name} cannot be negative`);

const productQuery = z.strictObject({
  q: z.string().max(500, 'q is limited to 500 characters').optional(),
  max_price: minorUnits('max_price').optional(),
  min_price: minorUnits('min_price').optional(),
  in_stock: booleanText.optional(),
  type: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100, 'limit is at most 100').default(20),
});

export function catalogRoutes(services: Services): Router {
  const router = Router();
  router.get('/api/products', async (request, response) => {
    const parsed = productQuery.safeParse(request.query);
    if (!parsed.success) return sendProblem(response, zodProblem(parsed.error, 'query'));
    const { type, ...query } = parsed.data;
    const products = await services.catalog.search({ ...query, ...(type ? { product_type: type } : {}) });
    response.json({ currency: services.merchant.profile.currency, count: products.length, products });
  });
  router.get('/api/products/:id', async (request, response) => {
    const product = await services.catalog.get(request.params.id);
    if (!product) throw notFound(`No product with id "${request.params.id}"`, { field: 'id', fix: 'Use an id returned by GET /api/products.' });
    response.json(product);
  });
  return router;
}

import { Router } from 'express';
import { z } from 'zod';
import type { Services } from '../../../flows/index.ts';
import { sendProblem, zodProblem } from '../problem.ts';

const helpQuery = z.strictObject({
  q: z.string({ error: 'q is required: the shopper\'s question, like "can I send it back"' }).trim().min(1, 'q cannot be empty').max(500, 'q is limited to 500 characters'),
  locale: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'use a locale such as en or fr').optional(),
  limit: z.coerce.number({ error: 'limit must be a whole number from 1 to 20' }).int('limit must be a whole number from 1 to 20').min(1, 'limit must be at least 1').max(20, 'limit is at most 20').default(5),
  section: z.string().max(100).optional(),
  product_id: z.string().max(200).optional(),
});

/** Help-center search with citations: the same function the search_help tool calls. */
export function helpRoutes(services: Services): Router {
  const router = Router();
  router.get('/api/help/search', async (request, response) => {
    const parsed = helpQuery.safeParse(request.query);
    if (!parsed.success) return sendProblem(response, zodProblem(parsed.error, 'query'));
    const { q, ...options } = parsed.data;
    response.json(await services.knowledge.searchHelp(q, options));
  });
  return router;
}

import type { Request, Response } from 'express';
import { exportFeed, type Services } from '../../flows/index.ts';

/** GET /acp/feed: JSONL (one ACP feed Product per line) by default, `?format=json` for {products:[…]}. */
export function feedRoute(services: Services) {
  return async (request: Request, response: Response) => {
    const products = await exportFeed(services);
    if (request.query.format === 'json') {
      response.json({ products });
      return;
    }
    response.type('application/jsonl').send(products.map((product) => JSON.stringify(product)).join('\n') + '\n');
  };
}

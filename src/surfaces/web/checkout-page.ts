import { Router } from 'express';
import type { Services } from '../../flows/index.ts';
import { findTool } from '../../tools/index.ts';
import { escapeHtml } from './html.ts';

/**
 * The hosted checkout page (`continue_url` of checkout sessions). It needs the checkout tools;
 * until they are in the registry the page says so instead of pretending.
 */
export function checkoutRoutes(services: Services, _options: { publicUrl: () => string }): Router {
  const router = Router();
  router.get('/checkout/:session', (request, response) => {
    const ready = findTool('get_checkout') && findTool('complete_checkout');
    response.status(ready ? 200 : 503).type('html').send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Checkout · ${escapeHtml(services.merchant.profile.name)}</title></head>
<body><main><h1>Checkout</h1><p>${ready ? 'Loading…' : 'Checkout is not available on this server yet.'}</p><p>Session ${escapeHtml(request.params.session)}</p></main></body></html>`);
  });
  return router;
}

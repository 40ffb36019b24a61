import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Router } from 'express';
import type { Services } from '../../flows/index.ts';
import { demoStorePage } from './store-page.ts';
import { checkoutRoutes } from './checkout-page.ts';

const here = dirname(fileURLToPath(import.meta.url));
let widget: { body: string; gzip: Buffer } | null = null;

/** The widget bundle, read once; served gzipped to clients that accept it. */
export function widgetBundle(): { body: string; gzip: Buffer } {
  if (!widget) {
    const body = readFileSync(join(here, 'assets', 'widget.js'), 'utf8');
    widget = { body, gzip: gzipSync(body, { level: 9 }) };
  }
  return widget;
}

export function pageRoutes(services: Services, options: { publicUrl: () => string }): Router {
  const router = Router();
  router.get('/widget.js', (request, response) => {
    const bundle = widgetBundle();
    response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    response.setHeader('Cache-Control', 'public, max-age=300');
    response.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    response.setHeader('Vary', 'Accept-Encoding');
    if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      response.setHeader('Content-Encoding', 'gzip');
      return response.end(bundle.gzip);
    }
    response.end(bundle.body);
  });
  router.get('/', async (_request, response, next) => {
    try {
      response.type('html').send(await demoStorePage(services, options.publicUrl()));
    } catch (error) {
      next(error);
    }
  });
  router.use(checkoutRoutes(services, options));
  return router;
}

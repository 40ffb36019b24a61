import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/server.ts';
import { TEA_SHOP } from '../helpers/paths.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ merchant: TEA_SHOP });
});
afterAll(() => server.stop());

const get = async (path: string) => {
  const response = await fetch(server.url + path);
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.json() as Record<string, unknown> };
};

describe('HTTP API over a freshly imported merchant', () => {
  it('imports on first start; /health is liveness only, the counts are behind the console (test/security/health-exposure)', async () => {
    expect(server.initialImport?.totals.products).toBe(6);
    const { status, body } = await get('/health');
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ok', version: expect.any(String) });
  });

  it('searches the active catalog with price and stock filters in minor units', async () => {
    const teapots = await get('/api/products?q=teapot');
    expect((teapots.body.products as Array<{ id: string }>).map((product) => product.id)).toEqual(['cast-iron-teapot']);
    const cheap = await get('/api/products?q=teapot&max_price=9000');
    const variants = (cheap.body.products as Array<{ variants: Array<{ price: number }> }>)[0]!.variants;
    expect(variants.map((variant) => variant.price)).toEqual([8900]);
    const inStock = await get('/api/products?q=sencha&in_stock=true');
    expect((inStock.body.products as Array<{ variants: unknown[] }>)[0]!.variants).toHaveLength(1);
    const drafts = await get('/api/products?q=earl%20grey');
    expect(drafts.body.count).toBe(0);
  });

  it('answers bad query parameters with a problem that names the field and the fix', async () => {
    const response = await get('/api/products?max_price=cheap');
    expect(response.status).toBe(400);
    expect(response.type).toContain('application/problem+json');
    expect(response.body).toMatchObject({ code: 'invalid_input', field: 'max_price' });
    expect(String(response.body.detail)).toMatch(/whole number of cents/);
    const unknown = await get('/api/products?colour=red');
    expect(unknown.status).toBe(400);
    expect(String(unknown.body.detail)).toMatch(/colour/);
  });

  it('returns one product by id, and 404 with a fix for an unknown one', async () => {
    expect((await get('/api/products/sencha-kagoshima')).body).toMatchObject({ title: 'Sencha Kagoshima', price_min: 1450, price_max: 2600, currency: 'CAD' });
    const missing = await get('/api/products/nope');
    expect(missing).toMatchObject({ status: 404, body: { code: 'not_found', fix: expect.stringContaining('GET /api/products') } });
  });

  it('refuses malformed and oversized JSON bodies with a 4xx, never a 500', async () => {
    const malformed = await fetch(`${server.url}/api/products`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"q": ' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: 'invalid_json' });
    const huge = await fetch(`${server.url}/api/products`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ q: 'x'.repeat(2_000_000) }) });
    expect(huge.status).toBe(413);
    const unknownRoute = await get('/nope');
    expect(unknownRoute).toMatchObject({ status: 404, body: { code: 'not_found' } });
  });
});

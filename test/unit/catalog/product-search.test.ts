import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProductIndex, parseShopifyCsv } from '../../../src/catalog/index.ts';
import { expandQuery } from '../../../src/catalog/query-vocabulary.ts';
import { DEMO_MERCHANT } from '../../helpers/paths.ts';

const file = join(DEMO_MERCHANT, 'catalog/products.csv');
const index = new ProductIndex(parseShopifyCsv(readFileSync(file, 'utf8'), file, 'USD').products, 'USD');
const titles = (q: string, extra: { max_price?: number; in_stock?: boolean } = {}) => index.search({ q: expandQuery(q), limit: 5, ...extra }).map((product) => product.title);

describe('product search over the demo catalog', () => {
  it('finds waterproof backpacks with a laptop sleeve under $150', () => {
    const found = index.search({ q: 'waterproof hiking backpack laptop sleeve', max_price: 15000, limit: 5 });
    expect(found.map((product) => product.title)).toEqual(expect.arrayContaining(['Stormline 32', 'Cascade Commuter 22']));
    expect(found.every((product) => product.price_min <= 15000)).toBe(true);
    expect(found.map((product) => product.title)).not.toContain('Traverse Pro 38');
  });

  it('understands a French query against the English catalog', () => {
    expect(titles('sac à dos étanche pour ordinateur').slice(0, 4)).toEqual(expect.arrayContaining(['Stormline 32', 'Cascade Commuter 22']));
    expect(titles('veste imperméable femme')[0]).toMatch(/Women's/);
  });

  it('ranks a backpack above a boot "for backpacking"', () => {
    const results = titles('backpack');
    expect(results[0]).not.toMatch(/Boot/);
  });

  it('hides drafts and archived products, and honours in-stock filtering per variant', () => {
    expect(titles('Ember 0°F Down Sleeping Bag')).not.toContain('Ember 0°F Down Sleeping Bag');
    for (const product of index.search({ q: 'jacket', in_stock: true, limit: 20 })) {
      expect(product.variants.every((variant) => variant.available)).toBe(true);
    }
  });

  it('returns nothing rather than noise for words the catalog does not have', () => {
    expect(titles('kayak paddle')).toEqual([]);
  });
});

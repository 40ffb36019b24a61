import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseShopifyCsv } from '../../../src/catalog/index.ts';
import { TEA_SHOP } from '../../helpers/paths.ts';

const file = join(TEA_SHOP, 'catalog/products.csv');
const parsed = parseShopifyCsv(readFileSync(file, 'utf8'), file, 'CAD');

describe('Shopify product CSV', () => {
  it('groups continuation rows into variants and images of one product', () => {
    const sencha = parsed.products.find((product) => product.id === 'sencha-kagoshima')!;
    expect(sencha.variants.map((variant) => variant.sku)).toEqual(['HL-SEN-50', 'HL-SEN-100']);
    expect(sencha.options).toEqual([{ name: 'Size', values: ['50 g', '100 g'] }]);
    expect(sencha.images.map((image) => image.src)).toEqual(['https://harbour-leaf.example/img/sencha.jpg', 'https://harbour-leaf.example/img/sencha-2.jpg']);
    expect(sencha.variants[1]).toMatchObject({ price: 2600, compare_at_price: 2900, inventory: 0, inventory_policy: 'deny' });
  });

  it('keeps multi-line HTML bodies and quoted titles intact', () => {
    expect(parsed.products.find((product) => product.id === 'sencha-kagoshima')!.description_html).toContain('\nSteep 1 minute');
    expect(parsed.products.find((product) => product.id === 'cast-iron-teapot')!.title).toBe('Théière en fonte "Tetsubin"');
  });

  it('reports a broken row with its line and column and imports the rest of the product', () => {
    expect(parsed.issues).toEqual([expect.objectContaining({ line: 8, column: 24, field: 'Variant Price' })]);
    expect(parsed.issues[0]!.message).toContain('twelve dollars');
    const teapot = parsed.products.find((product) => product.id === 'cast-iron-teapot')!;
    expect(teapot.variants.map((variant) => variant.title)).toEqual(['Black / 0.8 L', 'Red / 0.8 L']);
  });

  it('reads Default Title products, untracked inventory, gift cards and statuses', () => {
    const gift = parsed.products.find((product) => product.id === 'gift-card')!;
    expect(gift).toMatchObject({ is_gift_card: true, options: [] });
    expect(gift.variants[0]).toMatchObject({ title: 'Default', inventory_policy: 'continue' });
    expect(parsed.products.find((product) => product.id === 'earl-grey-draft')!.status).toBe('draft');
  });

  it('refuses a file that is not a product export, saying what is missing', () => {
    const result = parseShopifyCsv('Name,Price\nTea,3\n', 'other.csv', 'USD');
    expect(result.products).toEqual([]);
    expect(result.issues[0]!.message).toMatch(/missing column Handle/);
  });

  it('reports an unterminated quote without losing earlier products', () => {
    const text = 'Handle,Title,Variant Price\na,A,1.00\nb,"B,2.00\n';
    const result = parseShopifyCsv(text, 'q.csv', 'USD');
    expect(result.products.map((product) => product.id)).toEqual(['a']);
    expect(result.issues[0]!.message).toMatch(/unreadable CSV row/);
  });
});

import { describe, expect, it } from 'vitest';
import type { CatalogRepository, Product } from '../../src/catalog/index.ts';

export function product(id: string, overrides: Partial<Product> = {}, stock = 3): Product {
  return {
    id, title: `Product ${id}`, description_html: '<p>Desc</p>', vendor: 'V', product_type: 'Pack', category: null, tags: ['a', 'b'],
    status: 'active', is_gift_card: false, options: [{ name: 'Size', values: ['S', 'M'] }], images: [{ src: `https://x/${id}.jpg`, alt: null }], url: null,
    variants: ['S', 'M'].map((size) => ({
      id: `${id}-${size}`, sku: `${id}-${size}`, title: size, options: { Size: size }, price: 1000, compare_at_price: null, inventory: stock,
      inventory_policy: 'deny' as const, weight_grams: 500, barcode: null, image: null, requires_shipping: true, taxable: true,
    })),
    ...overrides,
  };
}

/** The behaviour every CatalogRepository must have, whatever database is behind it. */
export function catalogRepositoryContract(name: string, create: () => Promise<{ repository: CatalogRepository; close: () => Promise<void> }>) {
  describe(`CatalogRepository contract: ${name}`, () => {
    it('creates, reads back exactly, and leaves unchanged products alone', async () => {
      const { repository, close } = await create();
      try {
        expect(await repository.upsertProducts([product('a'), product('b')], 'test')).toEqual({ created: 2, updated: 0, unchanged: 0, variants: 4 });
        expect(await repository.getProduct('a')).toEqual(product('a'));
        const version = await repository.version();
        expect(await repository.upsertProducts([product('a')], 'test')).toMatchObject({ created: 0, unchanged: 1 });
        expect(await repository.version()).toBe(version);
        expect(await repository.upsertProducts([product('a', { title: 'Renamed' })], 'test')).toMatchObject({ updated: 1 });
        expect(await repository.version()).toBeGreaterThan(version);
        expect((await repository.getProduct('a'))!.title).toBe('Renamed');
        expect(await repository.counts()).toEqual({ products: 2, active_products: 2, variants: 4 });
      } finally {
        await close();
      }
    });

    it('finds variants by id or SKU and moves a SKU that changed product', async () => {
      const { repository, close } = await create();
      try {
        await repository.upsertProducts([product('a')], 'test');
        expect((await repository.findVariant('a-M'))!.product.id).toBe('a');
        const moved = product('c');
        moved.variants[0] = { ...moved.variants[0]!, id: 'a-S', sku: 'a-S' };
        await repository.upsertProducts([moved], 'test');
        expect((await repository.findVariant('a-S'))!.product.id).toBe('c');
        expect((await repository.getProduct('a'))!.variants.map((variant) => variant.sku)).toEqual(['a-M']);
      } finally {
        await close();
      }
    });

    it('never lets concurrent buyers take more stock than exists', async () => {
      const { repository, close } = await create();
      try {
        await repository.upsertProducts([product('a', {}, 10)], 'test');
        const results = await Promise.all(Array.from({ length: 40 }, () => repository.adjustInventory('a-S', -1)));
        expect(results.filter((level) => level !== null)).toHaveLength(10);
        expect((await repository.findVariant('a-S'))!.variant.inventory).toBe(0);
        // Stock changes leave the products version (the search index) alone.
        const before = await repository.version();
        expect(await repository.adjustInventory('a-S', 2)).toBe(2);
        expect(await repository.adjustInventory('missing', 1)).toBeNull();
        expect(await repository.adjustInventory('a-S', -5)).toBeNull();
        expect(await repository.version()).toBe(before);
        expect((await repository.stockLevels()).get('a-S')).toBe(2);
        expect(await repository.adjustInventory('a-S', -5, { allowNegative: true })).toBe(-3);
      } finally {
        await close();
      }
    });

    it('lists by status', async () => {
      const { repository, close } = await create();
      try {
        await repository.upsertProducts([product('a'), product('d', { status: 'draft' })], 'test');
        expect((await repository.listProducts({ status: 'active' })).map((item) => item.id)).toEqual(['a']);
        expect(await repository.listProducts()).toHaveLength(2);
      } finally {
        await close();
      }
    });
  });
}

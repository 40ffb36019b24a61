import { expect, it, vi } from 'vitest';
import { CatalogService, catalogMigrations, catalogRepositoryFor } from '../../src/catalog/index.ts';
import { onEveryDatabase } from '../helpers/databases.ts';
import { product } from './catalog-repository.contract.ts';

await onEveryDatabase('product search beside sales', catalogMigrations, (open) => {
  it('shows a sale once its stock reading is older than the allowed age, without re-indexing; a product change re-indexes', async () => {
    const storage = await open();
    const repository = catalogRepositoryFor(storage);
    await repository.upsertProducts([product('tent', { title: 'Ridge Tent' }, 1), product('pack', { title: 'Trail Pack' }, 4)], 'test');
    let now = 0;
    const service = new CatalogService(repository, 'usd', [], { stockMaxAgeMs: 1000, now: () => now });
    const listed = vi.spyOn(repository, 'listProducts');
    const tent = async (filter: { in_stock?: boolean } = {}) => (await service.search({ q: 'tent', ...filter }))[0];

    expect(await tent({ in_stock: true })).toMatchObject({ title: 'Ridge Tent', in_stock: true });
    expect(listed).toHaveBeenCalledTimes(1);

    // Another process sells both sizes' last units.
    expect(await repository.adjustInventory('tent-S', -1)).toBe(0);
    expect(await repository.adjustInventory('tent-M', -1)).toBe(0);
    expect(await tent({ in_stock: true })).toMatchObject({ in_stock: true });
    now += 1000;
    expect(await tent()).toMatchObject({ in_stock: false, variants: [expect.objectContaining({ inventory: 0, available: false }), expect.objectContaining({ inventory: 0, available: false })] });
    expect(await tent({ in_stock: true })).toBeUndefined();
    expect((await service.search({ q: 'pack', in_stock: true }))[0]).toMatchObject({ title: 'Trail Pack', in_stock: true });
    expect(listed).toHaveBeenCalledTimes(1);

    await repository.upsertProducts([product('tent', { title: 'Ridge Tent Two' }, 5)], 'test');
    expect(await tent({ in_stock: true })).toMatchObject({ title: 'Ridge Tent Two', in_stock: true });
    expect(listed).toHaveBeenCalledTimes(2);
  });
});

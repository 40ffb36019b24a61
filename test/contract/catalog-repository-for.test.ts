import { expect, it } from 'vitest';
import { PgCatalogRepository, SqliteCatalogRepository, catalogMigrations, catalogRepositoryFor } from '../../src/catalog/index.ts';
import { onEveryDatabase } from '../helpers/databases.ts';
import { product } from './catalog-repository.contract.ts';

await onEveryDatabase('catalogRepositoryFor', catalogMigrations, (open) => {
  it('picks the repository of the configured database, ready to use', async () => {
    const storage = await open();
    const repository = catalogRepositoryFor(storage);
    expect(repository).toBeInstanceOf(storage.sqlite ? SqliteCatalogRepository : PgCatalogRepository);
    expect(typeof await repository.version()).toBe('number');
  });
});

await onEveryDatabase('catalog writes beside other transactions', catalogMigrations, (open) => {
  it('a stock change made while another request\'s transaction is open survives that transaction\'s rollback', async () => {
    const storage = await open();
    const repository = catalogRepositoryFor(storage);
    await repository.upsertProducts([product('p')], 'test');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const failing = storage.sql.transaction(async (tx) => {
      await tx.run('UPDATE catalog_version SET version = version + 100 WHERE id = 1');
      await held;
      throw new Error('refused by policy');
    }).catch(() => 'rolled back');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const sold = repository.adjustInventory('p-S', -1);
    release();
    expect(await failing).toBe('rolled back');
    expect(await sold).toBe(2);
    expect((await repository.getProduct('p'))!.variants.find((variant) => variant.id === 'p-S')!.inventory).toBe(2);
  });
});

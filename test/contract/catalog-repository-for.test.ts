import { expect, it } from 'vitest';
import { PgCatalogRepository, SqliteCatalogRepository, catalogMigrations, catalogRepositoryFor } from '../../src/catalog/index.ts';
import { onEveryDatabase } from '../helpers/databases.ts';

await onEveryDatabase('catalogRepositoryFor', catalogMigrations, (open) => {
  it('picks the repository of the configured database, ready to use', async () => {
    const storage = await open();
    const repository = catalogRepositoryFor(storage);
    expect(repository).toBeInstanceOf(storage.sqlite ? SqliteCatalogRepository : PgCatalogRepository);
    expect(typeof await repository.version()).toBe('number');
  });
});

import type { Storage } from '../platform/index.ts';
import { PgCatalogRepository } from './pg-repository.ts';
import type { CatalogRepository } from './repository.ts';
import { SqliteCatalogRepository } from './sqlite-repository.ts';

/**
 * The catalog repository for the configured database. The catalog keeps one class per driver
 * (its bulk import uses each driver directly), so the runtime picks here.
 */
export function catalogRepositoryFor(storage: Pick<Storage, 'sqlite' | 'pool'> & { sql?: Storage['sql'] }): CatalogRepository {
  if (storage.sqlite) return new SqliteCatalogRepository(storage.sqlite, storage.sql);
  if (storage.pool) return new PgCatalogRepository(storage.pool);
  throw new Error('The storage has neither a SQLite connection nor a PostgreSQL pool.');
}

import { describe, it } from 'vitest';
import { PgCatalogRepository, SqliteCatalogRepository, catalogMigrations } from '../../src/catalog/index.ts';
import { migrate, migratePostgres, openPostgres, openSqlite } from '../../src/platform/index.ts';
import { freshPostgresDatabase, POSTGRES_SKIP_REASON } from '../helpers/postgres.ts';
import { catalogRepositoryContract } from './catalog-repository.contract.ts';

catalogRepositoryContract('SQLite', async () => {
  const db = openSqlite(':memory:');
  migrate(db, catalogMigrations);
  return { repository: new SqliteCatalogRepository(db), close: async () => { db.close(); } };
});

const postgres = await freshPostgresDatabase();
if (postgres) {
  catalogRepositoryContract('PostgreSQL', async () => {
    const pool = openPostgres(postgres.url, { max: 8 });
    await pool.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    await migratePostgres(pool, catalogMigrations);
    return { repository: new PgCatalogRepository(pool), close: () => pool.end() };
  });
  const { afterAll } = await import('vitest');
  afterAll(() => postgres.drop());
} else {
  describe('CatalogRepository contract: PostgreSQL', () => {
    it.skip(POSTGRES_SKIP_REASON, () => {});
  });
}

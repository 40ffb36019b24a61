import { describe, expect, it } from 'vitest';
import { loadConfig, loadMerchant } from '../../../src/config/index.ts';
import { createKnowledgeBase } from '../../../src/knowledge-adapters.ts';
import { knowledgeMigrations } from '../../../src/knowledge/index.ts';
import { migrate, openSqlite, sqliteSql } from '../../../src/platform/index.ts';
import { DEMO_MERCHANT } from '../../helpers/paths.ts';

describe('SHOPKEEPER_VECTOR_INDEX=pgvector', () => {
  const merchant = loadMerchant(DEMO_MERCHANT);

  it('needs DATABASE_URL, and says so', () => {
    const db = openSqlite(':memory:');
    try {
      expect(() => createKnowledgeBase(loadConfig({ env: { SHOPKEEPER_VECTOR_INDEX: 'pgvector' } }), merchant, sqliteSql(db))).toThrow(/needs DATABASE_URL/);
    } finally {
      db.close();
    }
  });

  it('builds without connecting (the table is made on first use) and closes its pool', async () => {
    const db = openSqlite(':memory:');
    migrate(db, knowledgeMigrations);
    try {
      // Nothing listens on port 9: construction must not touch the database.
      const built = createKnowledgeBase(loadConfig({ env: { SHOPKEEPER_VECTOR_INDEX: 'pgvector', DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none', SHOPKEEPER_SECRET: 'a-shared-secret-of-at-least-32-characters' } }), merchant, sqliteSql(db));
      await expect(built.close()).resolves.toBeUndefined();
    } finally {
      db.close();
    }
  });

  it('rejects an unknown index name', () => {
    expect(() => loadConfig({ env: { SHOPKEEPER_VECTOR_INDEX: 'faiss' } })).toThrow(/auto, embedded, pinecone or pgvector/);
  });
});

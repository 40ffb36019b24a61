import { describe, expect, it } from 'vitest';
import { PgVectorIndex, pgvectorMigrations, pgvectorWhere } from '../../../src/knowledge/index.ts';
import type { PgPool } from '../../../src/platform/index.ts';

// Runs without PostgreSQL: the SQL the adapter builds. Behaviour against a server is the
// VectorIndexPort contract (test/contract/vector-index.test.ts).
describe('pgvector adapter SQL', () => {
  it('turns equality and any-of filters into parameters, never into SQL text', () => {
    const params: unknown[] = ['[1,0]', 'merchant'];
    expect(pgvectorWhere({ section: "Returns'; DROP TABLE x; --", kind: ['article', 'product'] }, 'fr', params)).toEqual([
      'section = $3', 'kind = ANY($4::text[])', 'locale = $5',
    ]);
    expect(params.slice(2)).toEqual(["Returns'; DROP TABLE x; --", ['article', 'product'], 'fr']);
    expect(pgvectorWhere(undefined, undefined, [])).toEqual([]);
    expect(pgvectorWhere({ locale: undefined }, undefined, [])).toEqual([]);
  });

  it('rejects a field outside the metadata columns', () => {
    expect(() => pgvectorWhere({ ['title; --' as 'section']: 'x' }, undefined, [])).toThrow(/unknown filter field/);
  });

  it('makes one table per dimension count, with the extension, an HNSW cosine index up to 2,000 dimensions', () => {
    const [small] = pgvectorMigrations(512);
    expect(small!.id).toBe('knowledge/pgvector-512-001');
    expect(small!.postgres).toContain('CREATE EXTENSION IF NOT EXISTS vector');
    expect(small!.postgres).toContain('embedding vector(512) NOT NULL');
    expect(small!.postgres).toMatch(/USING hnsw \(embedding vector_cosine_ops\)/);
    expect(pgvectorMigrations(3072)[0]!.postgres).not.toContain('hnsw');
    expect(() => new PgVectorIndex({ pool: {} as PgPool, namespace: 'm', dimensions: 1.5 })).toThrow(/unsupported dimensions/);
  });
});

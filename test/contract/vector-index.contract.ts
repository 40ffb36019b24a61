import { describe, expect, it } from 'vitest';
import type { VectorIndexPort, VectorMetadata, VectorRecord } from '../../src/knowledge/index.ts';

export interface VectorIndexFixture { index: VectorIndexPort; close: () => Promise<void> }

/** Unit vectors in 4 dimensions at known cosines from the query [1, 0, 0, 0]. */
const QUERY = Float32Array.from([1, 0, 0, 0]);
const AT = {
  1: [1, 0, 0, 0],
  0.8: [0.8, 0.6, 0, 0],
  0.6: [0.6, 0.8, 0, 0],
  0: [0, 1, 0, 0],
  [-1]: [-1, 0, 0, 0],
} as const;

function record(doc: string, locale: string, cosine: keyof typeof AT, metadata: Partial<VectorMetadata> = {}): VectorRecord {
  // Ids follow the passage id format kind:doc:locale:n, which the Pinecone adapter relies on.
  return { id: `article:${doc}:${locale}:0`, values: Float32Array.from(AT[cosine]), metadata: { doc_id: doc, locale, kind: 'article', section: 'Returns', product_id: null, ...metadata } };
}

const SEED: VectorRecord[] = [
  record('returns', 'en', 1),
  record('exchanges', 'en', 0.6, { section: 'Exchanges' }),
  record('boots', 'en', 0, { kind: 'product', section: 'Catalog', product_id: 'p-boots' }),
  record('shipping', 'en', -1, { section: 'Shipping' }),
  record('returns', 'fr', 0.8),
];

const ids = (matches: Array<{ id: string }>) => matches.map((match) => match.id);

/**
 * The behaviour every VectorIndexPort adapter must have. `knownGaps` names cases an adapter is
 * known to fail, with why: they run as expected failures, so fixing the adapter turns them red
 * and the note gets removed instead of going stale.
 */
export function vectorIndexContract(name: string, create: () => Promise<VectorIndexFixture>) {
  const cases: Array<[string, (index: VectorIndexPort) => Promise<void>]> = [
    ['is empty before any upsert', async (index) => {
      expect(await index.size()).toBe(0);
      expect(await index.query(QUERY, { topK: 5 })).toEqual([]);
    }],
    ['returns the nearest first with cosine similarity as the score', async (index) => {
      await index.upsert(SEED);
      const matches = await index.query(QUERY, { topK: 10 });
      expect(ids(matches)).toEqual(['article:returns:en:0', 'article:returns:fr:0', 'article:exchanges:en:0', 'article:boots:en:0', 'article:shipping:en:0']);
      expect(matches.map((match) => match.score)).toEqual([1, 0.8, 0.6, 0, -1].map((score) => expect.closeTo(score, 5)));
    }],
    ['returns at most topK matches', async (index) => {
      await index.upsert(SEED);
      expect(ids(await index.query(QUERY, { topK: 2 }))).toEqual(['article:returns:en:0', 'article:returns:fr:0']);
      expect(await index.query(QUERY, { topK: 1 })).toHaveLength(1);
    }],
    ['filters on equality, any-of, and several fields together', async (index) => {
      await index.upsert(SEED);
      expect(ids(await index.query(QUERY, { topK: 10, filter: { section: 'Shipping' } }))).toEqual(['article:shipping:en:0']);
      expect(ids(await index.query(QUERY, { topK: 10, filter: { product_id: 'p-boots' } }))).toEqual(['article:boots:en:0']);
      expect(ids(await index.query(QUERY, { topK: 10, filter: { section: ['Exchanges', 'Shipping'] } }))).toEqual(['article:exchanges:en:0', 'article:shipping:en:0']);
      expect(ids(await index.query(QUERY, { topK: 10, filter: { kind: ['article'], section: 'Returns', locale: 'en' } }))).toEqual(['article:returns:en:0']);
      expect(await index.query(QUERY, { topK: 10, filter: { doc_id: 'missing' } })).toEqual([]);
    }],
    ['searches every locale without a locale, and only that locale with one', async (index) => {
      await index.upsert(SEED);
      expect(ids(await index.query(QUERY, { topK: 2, filter: { doc_id: 'returns' } }))).toEqual(['article:returns:en:0', 'article:returns:fr:0']);
      expect(ids(await index.query(QUERY, { topK: 10, locale: 'fr' }))).toEqual(['article:returns:fr:0']);
      expect(ids(await index.query(QUERY, { topK: 10, locale: 'en', filter: { doc_id: 'returns' } }))).toEqual(['article:returns:en:0']);
    }],
    ['replaces a record upserted again under the same id (vector and metadata)', async (index) => {
      await index.upsert(SEED);
      await index.upsert([record('shipping', 'en', 0.6, { section: 'Delivery' })]);
      expect(await index.size()).toBe(SEED.length);
      const top = await index.query(QUERY, { topK: 10, filter: { doc_id: 'shipping' } });
      expect(top).toEqual([{ id: 'article:shipping:en:0', score: expect.closeTo(0.6, 5) }]);
      expect(await index.query(QUERY, { topK: 10, filter: { section: 'Shipping' } })).toEqual([]);
      expect(ids(await index.query(QUERY, { topK: 10, filter: { section: 'Delivery' } }))).toEqual(['article:shipping:en:0']);
    }],
    ['deletes by id, ignoring unknown ids', async (index) => {
      await index.upsert(SEED);
      await index.delete(['article:returns:en:0', 'article:unknown:en:0']);
      expect(await index.size()).toBe(SEED.length - 1);
      expect(ids(await index.query(QUERY, { topK: 10 }))).not.toContain('article:returns:en:0');
      await index.delete([]);
      expect(await index.size()).toBe(SEED.length - 1);
    }],
    ['counts records in size()', async (index) => {
      await index.upsert(SEED.slice(0, 2));
      expect(await index.size()).toBe(2);
      await index.upsert(SEED);
      expect(await index.size()).toBe(SEED.length);
    }],
  ];

  describe(`VectorIndexPort contract: ${name}`, () => {
    for (const [title, body] of cases) {
      const run = async () => {
        const { index, close } = await create();
        try {
          await body(index);
        } finally {
          await close();
        }
      };
      it(title, run);
    }
  });
}

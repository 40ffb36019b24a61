import { afterEach, describe, expect, it } from 'vitest';
import { PineconeVectorIndex, pineconeFilter } from '../../../src/knowledge/index.ts';
import { localServer } from './local-server.ts';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

const metadata = (locale: string, product_id: string | null = null) => ({ doc_id: 'returns', locale, kind: 'article' as const, section: 'Returns', product_id });

describe('Pinecone vector index against a local data-plane server', () => {
  it('upserts, queries and deletes with the documented data-plane requests, one namespace per merchant and locale', async () => {
    const server = await localServer((request) => {
      if (request.path === '/vectors/upsert') return { body: { upsertedCount: (request.body as { vectors: unknown[] }).vectors.length } };
      if (request.path === '/query') {
        const namespace = (request.body as { namespace: string }).namespace;
        return { body: { matches: [{ id: `article:returns:${namespace.endsWith('fr') ? 'fr' : 'en'}:0`, score: namespace.endsWith('fr') ? 0.5 : 0.9 }], namespace, usage: { readUnits: 1 } } };
      }
      if (request.path === '/vectors/delete') return { body: {} };
      return { status: 404, body: { error: 'unexpected' } };
    });
    close = server.close;
    const index = new PineconeVectorIndex({ apiKey: 'pc-test-key', host: server.url, merchant: 'northwind-trail-co', locales: ['en', 'fr'] });
    await index.upsert([
      { id: 'article:returns:en:0', values: Float32Array.from([0.6, 0.8]), metadata: metadata('en') },
      { id: 'article:returns:fr:0', values: Float32Array.from([1, 0]), metadata: metadata('fr', 'p1') },
    ]);
    const upserts = server.requests.filter((request) => request.path === '/vectors/upsert');
    expect(upserts).toHaveLength(2);
    expect(upserts[0]).toMatchObject({ method: 'POST', body: { namespace: 'northwind-trail-co-en', vectors: [{ id: 'article:returns:en:0', values: [expect.closeTo(0.6, 5), expect.closeTo(0.8, 5)], metadata: { doc_id: 'returns', locale: 'en', kind: 'article', section: 'Returns' } }] } });
    expect((upserts[0]!.body as { vectors: Array<{ metadata: Record<string, unknown> }> }).vectors[0]!.metadata).not.toHaveProperty('product_id');
    expect(upserts[1]).toMatchObject({ body: { namespace: 'northwind-trail-co-fr', vectors: [{ metadata: { product_id: 'p1' } }] } });
    expect(upserts[0]!.headers['api-key']).toBe('pc-test-key');
    expect(upserts[0]!.headers['x-pinecone-api-version']).toMatch(/^\d{4}-\d{2}$/);

    const matches = await index.query(Float32Array.from([1, 0]), { topK: 3, filter: { section: 'Returns', kind: ['article', 'product'] } });
    const queries = server.requests.filter((request) => request.path === '/query');
    expect(queries.map((request) => (request.body as { namespace: string }).namespace).sort()).toEqual(['northwind-trail-co-en', 'northwind-trail-co-fr']);
    expect(queries[0]).toMatchObject({ method: 'POST', body: { vector: [1, 0], topK: 3, includeValues: false, includeMetadata: false, filter: { $and: [{ section: { $eq: 'Returns' } }, { kind: { $in: ['article', 'product'] } }] } } });
    expect(matches.map((match) => match.id)).toEqual(['article:returns:en:0', 'article:returns:fr:0']);

    await index.delete(['article:returns:en:0', 'article:returns:fr:0', 'article:faq:fr:3']);
    const deletes = server.requests.filter((request) => request.path === '/vectors/delete');
    expect(deletes.map((request) => request.body)).toEqual(expect.arrayContaining([
      { ids: ['article:returns:en:0'], namespace: 'northwind-trail-co-en' },
      { ids: ['article:returns:fr:0', 'article:faq:fr:3'], namespace: 'northwind-trail-co-fr' },
    ]));
  });

  it('translates filters to Pinecone metadata filter syntax', () => {
    expect(pineconeFilter(undefined)).toBeUndefined();
    expect(pineconeFilter({ locale: 'fr' })).toEqual({ locale: { $eq: 'fr' } });
    expect(pineconeFilter({ locale: 'fr', product_id: ['a', 'b'] })).toEqual({ $and: [{ locale: { $eq: 'fr' } }, { product_id: { $in: ['a', 'b'] } }] });
  });
});

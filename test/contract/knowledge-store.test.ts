import { expect, it } from 'vitest';
import { KnowledgeBase, KnowledgeStore, knowledgeMigrations, type Chunk, type KnowledgeDocument } from '../../src/knowledge/index.ts';
import { onEveryDatabase } from '../helpers/databases.ts';
import { secondStorage } from './second-storage.ts';

const chunk = (doc: string, index: number, text: string): Chunk => ({
  id: `article:${doc}:en:${index}`, doc_id: doc, locale: 'en', kind: 'article', title: doc, section: 'General', heading_path: [], anchor: '', url: `https://x.example/${doc}`,
  updated: '2026-01-01', text, product_id: null, content_hash: `hash-${doc}-${index}-${text.length}`,
});

const bits = (vector: Float32Array) => [...new Uint8Array(vector.buffer, vector.byteOffset, vector.byteLength)];

await onEveryDatabase('KnowledgeStore contract', knowledgeMigrations, (open) => {
  it('applies puts and removes in one go: document hashes, passages in (document, position) order, chunk ids by document', async () => {
    const store = new KnowledgeStore((await open()).sql);
    await store.apply({ put: [
      { key: 'article:b:en', hash: 'hb', chunks: [chunk('b', 0, 'B zero'), chunk('b', 1, 'B one')] },
      { key: 'article:a:en', hash: 'ha', chunks: [chunk('a', 0, 'A zero')] },
      { key: 'article:Z:en', hash: 'hz', chunks: [chunk('Z', 0, 'Z zero')] },
    ], remove: [] });
    expect(await store.documentHashes()).toEqual(new Map([['article:b:en', 'hb'], ['article:a:en', 'ha'], ['article:Z:en', 'hz']]));
    // Byte order (uppercase first) on both databases, whatever PostgreSQL's locale.
    expect((await store.chunks()).map((item) => item.id)).toEqual(['article:Z:en:0', 'article:a:en:0', 'article:b:en:0', 'article:b:en:1']);
    expect(await store.chunkIds(['article:b:en', 'article:a:en'])).toEqual(['article:b:en:0', 'article:b:en:1', 'article:a:en:0']);

    await store.apply({ put: [{ key: 'article:b:en', hash: 'hb2', chunks: [chunk('b', 0, 'B revised')] }], remove: ['article:a:en'] });
    expect(await store.documentHashes()).toEqual(new Map([['article:b:en', 'hb2'], ['article:Z:en', 'hz']]));
    expect((await store.chunks()).map((item) => item.text)).toEqual(['Z zero', 'B revised']);
    expect(await store.chunkIds(['article:a:en'])).toEqual([]);
  });

  it('writes a large ingest in batches and reads it back whole', async () => {
    const store = new KnowledgeStore((await open()).sql);
    const put = Array.from({ length: 300 }, (_, doc) => ({ key: `article:d${doc}:en`, hash: `h${doc}`, chunks: [0, 1, 2].map((index) => chunk(`d${doc}`, index, `text ${doc} ${index}`)) }));
    await store.apply({ put, remove: [] });
    expect((await store.chunks()).length).toBe(900);
    expect((await store.documentHashes()).size).toBe(300);
    expect((await store.chunkIds(put.map((item) => item.key))).length).toBe(900);
  });

  it('round-trips embeddings bit for bit, looks them up by hash and model, and prunes unused ones', async () => {
    const store = new KnowledgeStore((await open()).sql);
    await store.apply({ put: [{ key: 'article:a:en', hash: 'ha', chunks: [chunk('a', 0, 'alpha'), chunk('a', 1, 'beta')] }], remove: [] });
    const [first, second] = (await store.chunks()).map((item) => item.content_hash) as [string, string];
    const odd = new Float32Array([0, -0, 1e-45, -3.4028234663852886e38, Math.PI, Number.NaN, Infinity, 1 / 3]);
    // A view into a larger buffer: only its own bytes must be stored.
    const backing = new Float32Array(20).fill(7);
    const view = new Float32Array(backing.buffer, 8, 6).fill(0.125);
    await store.saveEmbeddings('m1', new Map([[first, odd], [second, view]]));
    await store.saveEmbeddings('m0', new Map([[first, new Float32Array([1, 2])]]));
    await store.saveEmbeddings('m1', new Map([['orphan', new Float32Array([9])]]));

    const found = await store.cachedEmbeddings('m1', [first, second, 'missing']);
    expect([...found.keys()].sort()).toEqual([first, second].sort());
    expect(bits(found.get(first)!)).toEqual(bits(odd));
    expect([...found.get(second)!]).toEqual([0.125, 0.125, 0.125, 0.125, 0.125, 0.125]);
    // Lookups in several batches, and the bulk path (server start), return the same vectors.
    const batched = await store.cachedEmbeddings('m1', [first, ...Array.from({ length: 300 }, (_, index) => `gap-${index}`), second]);
    expect(batched.size).toBe(2);
    expect(bits(batched.get(second)!)).toEqual(bits(found.get(second)!));
    const many = [first, second, ...Array.from({ length: 600 }, (_, index) => `absent-${index}`)];
    const bulk = await store.cachedEmbeddings('m1', many);
    expect(bits(bulk.get(first)!)).toEqual(bits(odd));
    expect(bulk.size).toBe(2);
    // Replacing keeps one row per (hash, model).
    await store.saveEmbeddings('m1', new Map([[second, new Float32Array([0.5])]]));
    expect([...(await store.cachedEmbeddings('m1', [second])).get(second)!]).toEqual([0.5]);

    expect(await store.pruneEmbeddings('m1')).toBe(2);
    expect((await store.cachedEmbeddings('m0', [first])).size).toBe(0);
    expect((await store.cachedEmbeddings('m1', [first, second])).size).toBe(2);
  });

  it('keeps index state as JSON', async () => {
    const store = new KnowledgeStore((await open()).sql);
    expect(await store.getState('idf')).toBeNull();
    await store.setState('idf', { documents: 3, df: { 1: 2 } });
    await store.setState('idf', { documents: 4, df: { 1: 3 } });
    expect(await store.getState('idf')).toEqual({ documents: 4, df: { 1: 3 } });
  });

  it('ingests once and a restarted replica loads the same index without embedding anything', async () => {
    const storage = await open();
    const doc = (id: string, body: string): KnowledgeDocument => ({ id, locale: 'en', kind: 'article', title: id, section: 'General', url: `https://x.example/${id}`, updated: '2026-01-01', body });
    const corpus = [doc('returns', '## Window\nReturn unworn items within 30 days.\n## Refunds\nRefunds go to the original card.'), doc('shipping', 'We ship tents to Iceland in 5 days.')];
    const first = new KnowledgeBase(storage.sql);
    expect(await first.ingest(corpus)).toMatchObject({ created: 2, embeddings: { cached: 0 } });
    const replica = new KnowledgeBase(secondStorage(storage).sql);
    expect(await replica.load()).toMatchObject({ chunks: first.size });
    expect(replica.embeddingModel).toBe(first.embeddingModel);
    const [a, b] = [await first.searchHelp('send it back'), await replica.searchHelp('send it back')];
    expect(b.results.map((item) => [item.doc_id, item.score])).toEqual(a.results.map((item) => [item.doc_id, item.score]));
    expect((await replica.ingest(corpus)).embeddings.computed).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { EmbeddedVectorIndex, OfflineEmbedder, fitIdf } from '../../../src/knowledge/index.ts';

const dot = (left: Float32Array, right: Float32Array) => left.reduce((sum, value, index) => sum + value * right[index]!, 0);

describe('offline embedder', () => {
  const corpus = ['Return window: 30 days from delivery', 'Gift cards never expire', 'Remboursement sous 10 jours', 'Shipping rates to Canada'];
  const embedder = new OfflineEmbedder(fitIdf(corpus));

  it('is deterministic, unit length, and names its IDF fit in the model id (the embedding cache key)', () => {
    const [first, again] = [embedder.embed('return window'), embedder.embed('return window')];
    expect(Array.from(first)).toEqual(Array.from(again));
    expect(dot(first, first)).toBeCloseTo(1, 5);
    expect(embedder.model).toMatch(/^offline-ngram-v2-512-idf:/);
    expect(new OfflineEmbedder(fitIdf(['other corpus'])).model).not.toBe(embedder.model);
  });

  it('keeps a misspelled or inflected query close to the right passage', () => {
    const [returns, gift] = [embedder.embed(corpus[0]!), embedder.embed(corpus[1]!)];
    const typo = embedder.embed('shiping rate to canda');
    expect(dot(typo, embedder.embed(corpus[3]!))).toBeGreaterThan(dot(typo, gift) + 0.1);
    const inflected = embedder.embed('returning within the windows');
    expect(dot(inflected, returns)).toBeGreaterThan(dot(inflected, gift) + 0.1);
    const french = embedder.embed('rembourser');
    expect(dot(french, embedder.embed(corpus[2]!))).toBeGreaterThan(dot(french, returns));
  });

  it('ranks neighbours the same with the exact scan and the binary-code shortlist', async () => {
    const index = new EmbeddedVectorIndex(512);
    const texts = Array.from({ length: 3_500 }, (_, n) => `passage ${n} about ${['returns', 'shipping', 'warranty', 'sizes', 'gift cards'][n % 5]} number ${n % 97}`);
    await index.upsert(texts.map((text, n) => ({ id: `p${n}`, values: embedder.embed(text), metadata: { doc_id: `d${n}`, locale: 'en', kind: 'article', section: 'S', product_id: null } })));
    // Above 3k vectors the index shortlists by sign bits first; a passage must still find itself.
    for (const n of [12, 1370, 3499]) {
      const [best] = await index.query(embedder.embed(texts[n]!), { topK: 5 });
      expect(best!.id).toBe(`p${n}`);
    }
  });
});

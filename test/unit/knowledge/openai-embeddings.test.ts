import { afterEach, describe, expect, it } from 'vitest';
import { OpenAIEmbeddings } from '../../../src/knowledge/index.ts';
import { localServer } from './local-server.ts';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

const embedding = (seed: number) => [seed, 1, 0];

describe('OpenAI embeddings adapter against a local server', () => {
  it('sends POST /v1/embeddings with the documented body, in batches, and returns vectors in input order', async () => {
    const server = await localServer((request) => {
      const input = (request.body as { input: string[] }).input;
      // Returned out of order on purpose: the adapter must sort by `index`.
      const data = input.map((_, index) => ({ object: 'embedding', index, embedding: embedding(index + 1) })).reverse();
      return { body: { object: 'list', data, model: 'text-embedding-3-small', usage: { prompt_tokens: 3, total_tokens: 3 } } };
    });
    close = server.close;
    const embedder = new OpenAIEmbeddings({ apiKey: 'sk-test-123', baseURL: `${server.url}/v1`, batchSize: 2, dimensions: 3 });
    const vectors = await embedder.embedDocuments(['first text', 'second\n\ntext', 'third']);
    expect(server.requests).toHaveLength(2);
    const [first, second] = server.requests;
    expect(first).toMatchObject({ method: 'POST', path: '/v1/embeddings', body: { model: 'text-embedding-3-small', input: ['first text', 'second text'], encoding_format: 'float' } });
    expect(first!.headers.authorization).toBe('Bearer sk-test-123');
    expect(first!.headers['content-type']).toContain('application/json');
    expect(second!.body).toMatchObject({ input: ['third'] });
    expect(vectors).toHaveLength(3);
    // Unit length, and the first vector is [1,1,0] normalised (index 0 -> seed 1).
    expect(vectors[0]![0]).toBeCloseTo(Math.SQRT1_2, 5);
    expect(vectors[1]![0]).toBeCloseTo(2 / Math.sqrt(5), 5);
  });

  it('retries on 429 and on 5xx, then succeeds', async () => {
    const server = await localServer((_request, index) => {
      if (index === 0) return { status: 429, headers: { 'retry-after-ms': '10' }, body: { error: { message: 'Rate limit', type: 'requests', code: 'rate_limit_exceeded' } } };
      if (index === 1) return { status: 503, headers: { 'retry-after-ms': '10' }, body: { error: { message: 'overloaded' } } };
      return { body: { object: 'list', data: [{ object: 'embedding', index: 0, embedding: [0, 3, 4] }], model: 'text-embedding-3-small', usage: { prompt_tokens: 1, total_tokens: 1 } } };
    });
    close = server.close;
    const embedder = new OpenAIEmbeddings({ apiKey: 'sk-test', baseURL: `${server.url}/v1`, dimensions: 3 });
    const vector = await embedder.embedQuery('hello');
    expect(server.requests).toHaveLength(3);
    expect(Array.from(vector)).toEqual([0, expect.closeTo(0.6, 5), expect.closeTo(0.8, 5)]);
  });

  it('gives up after the retry budget with the API error', async () => {
    const server = await localServer(() => ({ status: 429, headers: { 'retry-after-ms': '1' }, body: { error: { message: 'Rate limit reached' } } }));
    close = server.close;
    const embedder = new OpenAIEmbeddings({ apiKey: 'sk-test', baseURL: `${server.url}/v1`, maxRetries: 2 });
    await expect(embedder.embedQuery('x')).rejects.toThrow(/429|Rate limit/);
    expect(server.requests).toHaveLength(3);
  });
});

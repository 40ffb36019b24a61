import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli as runCliInProcess } from '../../src/cli/run.ts';
import { findTool } from '../../src/tools/index.ts';
import { TEA_SHOP, tempDir } from '../helpers/paths.ts';
import { startTestServer } from '../helpers/server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const get = async (path: string) => {
  const response = await fetch(server.url + path);
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.json() as Record<string, unknown> };
};

describe('GET /api/help/search on a freshly started server', () => {
  it('returns cited passages: title, anchored URL, updated date, highlighted snippet, score', async () => {
    const { status, body } = await get('/api/help/search?q=can%20I%20send%20it%20back&limit=3');
    expect(status).toBe(200);
    expect(body.answerable).toBe(true);
    const results = body.results as Array<Record<string, unknown>>;
    expect(results.length).toBeLessThanOrEqual(3);
    expect(results[0]).toMatchObject({ doc_id: 'returns-and-refunds', title: 'Returns and refunds', updated: '2026-09-14', locale: 'en' });
    expect(String(results[0]!.url)).toMatch(/^https:\/\/northwind-trail\.example\/help\/returns-and-refunds/);
    expect(String(results[0]!.snippet)).toContain('**');
    expect(typeof results[0]!.score).toBe('number');
  });

  it('prefers the requested locale', async () => {
    const { body } = await get(`/api/help/search?q=${encodeURIComponent('délai de remboursement')}&locale=fr`);
    expect((body.results as Array<{ locale: string; doc_id: string }>)[0]).toMatchObject({ locale: 'fr', doc_id: 'refund-timing' });
  });

  it('answers bad input with a 400 problem naming the field', async () => {
    const missing = await get('/api/help/search');
    expect(missing).toMatchObject({ status: 400, body: { code: 'invalid_input', field: 'q' } });
    expect(missing.type).toContain('application/problem+json');
    expect(await get('/api/help/search?q=returns&limit=500')).toMatchObject({ status: 400, body: { field: 'limit' } });
    expect(await get('/api/help/search?q=returns&locale=french')).toMatchObject({ status: 400, body: { field: 'locale' } });
    expect(await get('/api/help/search?q=returns&colour=red')).toMatchObject({ status: 400 });
  });

  it('serves the same search to agents through the search_help tool', async () => {
    const tool = findTool('search_help')!;
    expect(tool.annotations.readOnlyHint).toBe(true);
    const input = tool.input.parse({ query: 'do you rent kayaks?' });
    const output = tool.output.parse(await tool.execute({ services: server.runtime, channel: 'test', actor: { kind: 'system', id: 'test' } }, input)) as { answerable: boolean };
    expect(output.answerable).toBe(false);
  });
});

/** Runs a CLI command in this process (the binary itself is covered by import-cli.test.ts) and returns its stdout. */
async function runCli(args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  try {
    const code = await runCliInProcess(args, { LOG_LEVEL: 'silent' });
    return { code, stdout };
  } finally {
    spy.mockRestore();
  }
}

describe('CLI ingest, search and ask', () => {
  it('ingests incrementally and answers with citations as JSON', async () => {
    const data = tempDir();
    try {
      const first = await runCli(['ingest', '--merchant', TEA_SHOP, '--data', data.path, '--json']);
      expect(first.code).toBe(0);
      expect(JSON.parse(first.stdout)).toMatchObject({ merchant: 'Harbour Leaf Tea', created: expect.any(Number), chunks: { total: expect.any(Number) } });
      const second = JSON.parse((await runCli(['ingest', '--merchant', TEA_SHOP, '--data', data.path, '--json'])).stdout);
      expect(second).toMatchObject({ created: 0, updated: 0, embeddings: { computed: 0 } });
      const search = await runCli(['search', 'retourner un thé', '--merchant', TEA_SHOP, '--data', data.path, '--json']);
      expect(JSON.parse(search.stdout).results[0]).toMatchObject({ doc_id: 'retours', url: 'https://harbour-leaf.example/aide/retours' });
      const ask = JSON.parse((await runCli(['ask', 'how much is shipping?', '--merchant', TEA_SHOP, '--data', data.path, '--json'])).stdout);
      expect(ask).toMatchObject({ answerable: true, citations: [expect.objectContaining({ url: 'https://harbour-leaf.example/help/shipping' })] });
      expect(ask.answer).toContain('Orders over $60 ship free');
    } finally {
      data.cleanup();
    }
  });
});

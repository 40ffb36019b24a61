import { describe, expect, it } from 'vitest';
import { anchorOf, chunkDocument, type KnowledgeDocument } from '../../../src/knowledge/index.ts';

const doc: KnowledgeDocument = {
  id: 'returns', locale: 'en', kind: 'article', title: 'Returns and refunds', section: 'Returns', url: 'https://shop.example/help/returns', updated: '2026-09-14',
  body: [
    '# Returns and refunds', 'Intro paragraph.', '', '## How long you have', '', '| Destination | Window |', '|---|---|', '| United States | 30 days |', '',
    '### Late requests', 'We review them.', '', '## What it costs', 'Labels cost $6.95.', '', '```', '## not a heading', '```',
  ].join('\n'),
};

describe('heading-aware chunking', () => {
  it('keeps the heading path, an anchor URL, locale and updated date on every passage', async () => {
    const chunks = await chunkDocument(doc);
    expect(chunks.map((chunk) => chunk.heading_path)).toEqual([
      ['Returns and refunds'],
      ['Returns and refunds', 'How long you have'],
      ['Returns and refunds', 'How long you have', 'Late requests'],
      ['Returns and refunds', 'What it costs'],
    ]);
    expect(chunks[0]!.url).toBe('https://shop.example/help/returns');
    expect(chunks[2]!.url).toBe('https://shop.example/help/returns#late-requests');
    expect(chunks.every((chunk) => chunk.locale === 'en' && chunk.updated === '2026-09-14')).toBe(true);
  });

  it('turns table rows into readable lines and leaves code fences alone', async () => {
    const chunks = await chunkDocument(doc);
    expect(chunks[1]!.text).toContain('United States — 30 days');
    expect(chunks[1]!.text).not.toContain('|---');
    expect(chunks[3]!.text).toContain('## not a heading');
  });

  it('splits long sections but keeps their heading on each part', async () => {
    const long = { ...doc, body: `## Big\n${'This sentence is about returns. '.repeat(120)}` };
    const chunks = await chunkDocument(long, { maxChars: 500 });
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.every((chunk) => chunk.anchor === 'big' && chunk.text.length <= 500)).toBe(true);
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(chunks.length);
  });

  it('makes GitHub-style anchors', () => {
    expect(anchorOf("What if it can't be repaired?")).toBe('what-if-it-cant-be-repaired');
    expect(anchorOf('Délais de remboursement')).toBe('delais-de-remboursement');
  });
});

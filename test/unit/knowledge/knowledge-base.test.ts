import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeBase, SqlArticleRepository, articleToDocument, importHelpDir, knowledgeMigrations, type KnowledgeDocument } from '../../../src/knowledge/index.ts';
import { migrate, openSqlite, sqliteSql } from '../../../src/platform/index.ts';
import { DEMO_MERCHANT } from '../../helpers/paths.ts';

function freshDb() {
  const db = openSqlite(':memory:');
  migrate(db, knowledgeMigrations);
  return sqliteSql(db);
}

let knowledge: KnowledgeBase;
beforeAll(async () => {
  const db = freshDb();
  const articles = new SqlArticleRepository(db);
  await importHelpDir(articles, join(DEMO_MERCHANT, 'help'));
  knowledge = new KnowledgeBase(db);
  await knowledge.ingest((await articles.list()).map(articleToDocument));
});

describe('searchHelp over the demo help center', () => {
  it('finds the returns article for "can I send it back" and cites the section with its anchor and date', async () => {
    const result = await knowledge.searchHelp('can I send it back?');
    expect(result.answerable).toBe(true);
    expect(result.results[0]).toMatchObject({ doc_id: 'returns-and-refunds', updated: '2026-09-14' });
    expect(result.results[0]!.url).toMatch(/^https:\/\/northwind-trail\.example\/help\/returns-and-refunds/);
    expect(result.results[0]!.snippet).toMatch(/\*\*send\*\*/);
  });

  it('prefers the newer returns article over the 2024 one and reports the conflict', async () => {
    const result = await knowledge.searchHelp('how many days do I have to return something');
    const ids = result.results.map((item) => item.doc_id);
    expect(ids).toContain('returns-and-refunds');
    if (ids.includes('legacy-return-window')) expect(ids.indexOf('returns-and-refunds')).toBeLessThan(ids.indexOf('legacy-return-window'));
    expect(result.conflicts).toEqual([expect.objectContaining({ kept: expect.objectContaining({ doc_id: 'returns-and-refunds' }), superseded: expect.objectContaining({ doc_id: 'legacy-return-window' }) })]);
  });

  it('answers French questions from French articles, with accents or without', async () => {
    for (const question of ['délai de remboursement', 'delai de remboursement']) {
      const result = await knowledge.searchHelp(question, { locale: 'fr' });
      expect(result.results[0]).toMatchObject({ doc_id: 'refund-timing', locale: 'fr' });
    }
  });

  it('repairs typos', async () => {
    const result = await knowledge.searchHelp('retrun windo for canada');
    expect(result.corrected).toContain('return');
    expect(result.results.map((item) => item.doc_id)).toContain('returns-and-refunds');
  });

  it('filters by section', async () => {
    const result = await knowledge.searchHelp('how long', { section: 'Shipping & Delivery', limit: 10 });
    expect(result.results.length).toBeGreaterThan(0);
    expect(new Set(result.results.map((item) => item.section))).toEqual(new Set(['Shipping & Delivery']));
  });

  it('says a question about something the help center never covers is not answerable', async () => {
    for (const question of ['do you rent kayaks', 'can I pay with bitcoin', 'do you sponsor athletes']) {
      expect((await knowledge.searchHelp(question)).answerable, question).toBe(false);
      expect(await knowledge.answerQuestion(question)).toMatchObject({ answerable: false });
    }
  });

  it('keeps a real word the help center never uses instead of rewriting it into one it does', async () => {
    const result = await knowledge.searchHelp('are you hiring?');
    expect(result.corrected).toContain('hiring');
    expect(result.corrected).not.toContain('hiking');
    expect(result.answerable).toBe(false);
  });

  it('answers a question made only of small words around a phrase the lexicon knows', async () => {
    const result = await knowledge.searchHelp("where's my stuff?");
    expect(result.results[0]?.doc_id).toBe('track-your-order');
    expect(result.answerable).toBe(true);
  });

  it('reads shopper shorthand: contractions typed without an apostrophe, a number of their own, "a real person"', async () => {
    const policy = await knowledge.searchHelp('whats ur return policy');
    expect(policy.answerable).toBe(true);
    expect(policy.results.slice(0, 2).map((item) => item.doc_id)).toContain('returns-and-refunds');
    // The help center never says "20000mm"; the shopper's own figure does not make the question unanswerable.
    const rating = await knowledge.searchHelp('what does 20000mm waterproof mean');
    expect(rating.answerable).toBe(true);
    expect(rating.results[0]?.doc_id).toBe('waterproof-ratings-explained');
    expect((await knowledge.searchHelp('how do I talk to a real person')).results[0]?.doc_id).toBe('contact-us');
  });

  it('refuses a question whose words all occur in the help center, but never together', async () => {
    // "trade" (a trade school discount), "cash" and "gear" each appear somewhere; no passage is about trading gear in.
    const result = await knowledge.searchHelp('can I trade in my old gear for cash');
    expect(result.answerable).toBe(false);
    expect((await knowledge.searchHelp('can I swap it for a different size')).answerable).toBe(true);
  });
});

describe('answerQuestion', () => {
  it('quotes sentences verbatim from the cited passages', async () => {
    const answer = await knowledge.answerQuestion('how long does a refund take to reach my card?');
    expect(answer.answerable).toBe(true);
    if (!answer.answerable) return;
    expect(answer.citations[0]!.url).toMatch(/refund/);
    const passages = (await knowledge.searchHelp('how long does a refund take to reach my card?', { limit: 3 })).results;
    expect(answer.sentences.length).toBeGreaterThan(0);
    for (const sentence of answer.sentences) expect(knowledge.chunks().some((chunk) => chunk.text.includes(sentence.text))).toBe(true);
    expect(passages.length).toBeGreaterThan(0);
  });
});

describe('incremental ingest', () => {
  const doc = (id: string, body: string): KnowledgeDocument => ({ id, locale: 'en', kind: 'article', title: id, section: 'General', url: `https://x.example/${id}`, updated: '2026-01-01', body });

  it('does no work on unchanged documents, re-embeds only changed passages and drops deleted documents', async () => {
    const db = freshDb();
    const base = new KnowledgeBase(db);
    const others = ['c', 'd', 'e'].map((id) => doc(id, `Text about ${id} and tents.`));
    const corpus = [doc('a', '## One\nAlpha text.\n## Two\nBeta text.'), doc('b', 'Gamma text about parcels.'), ...others];
    const first = await base.ingest(corpus);
    expect(first).toMatchObject({ created: 5, chunks: { added: 6, total: 6 }, embeddings: { computed: 6 } });
    const again = await base.ingest(corpus);
    expect(again).toMatchObject({ unchanged: 5, created: 0, updated: 0, deleted: 0, chunks: { added: 0, removed: 0, total: 6 }, embeddings: { computed: 0 } });
    const edited = await base.ingest([doc('a', '## One\nAlpha text.\n## Two\nBeta text, revised.'), ...others]);
    expect(edited).toMatchObject({ updated: 1, deleted: 1, unchanged: 3, chunks: { total: 5 }, embeddings: { computed: 1, cached: 1 } });
    expect((await base.searchHelp('gamma parcels')).results.map((item) => item.doc_id)).not.toContain('b');

    // A restart loads the stored index without embedding anything.
    const reopened = new KnowledgeBase(db);
    await reopened.load();
    expect(reopened.size).toBe(5);
    expect((await reopened.ingest([doc('a', '## One\nAlpha text.\n## Two\nBeta text, revised.'), ...others])).embeddings.computed).toBe(0);
  });
});

import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeBase, SqlArticleRepository, articleToDocument, importHelpDir, knowledgeMigrations, type KnowledgeDocument } from '../../../src/knowledge/index.ts';
import { decodeSnapshot, encodeSnapshot } from '../../../src/knowledge/search/lexical-snapshot.ts';
import { migrate, openSqlite, sqliteSql, type SqlDb } from '../../../src/platform/index.ts';
import { DEMO_MERCHANT } from '../../helpers/paths.ts';

const QUESTIONS = ['can I send it back?', 'délai de remboursement', 'retrun window', 'how long does shipping take to canada', 'gift card balance'];

let db: SqlDb;
let documents: KnowledgeDocument[];
beforeAll(async () => {
  const raw = openSqlite(':memory:');
  migrate(raw, knowledgeMigrations);
  db = sqliteSql(raw);
  const articles = new SqlArticleRepository(db);
  await importHelpDir(articles, join(DEMO_MERCHANT, 'help'));
  documents = (await articles.list()).map(articleToDocument);
});

const answers = async (knowledge: KnowledgeBase) => Promise.all(QUESTIONS.map((question) => knowledge.searchHelp(question)));
const storedSnapshot = async () => (await db.get<{ data: Buffer }>("SELECT data FROM knowledge_snapshots WHERE key = 'lexical'"))?.data;

describe('the stored lexical index', () => {
  it('is written by an ingest and, read back at start, searches exactly as the index it was taken from', async () => {
    const built = new KnowledgeBase(db);
    await built.load();
    await built.ingest(documents);
    expect(await storedSnapshot()).toBeDefined();
    const restarted = new KnowledgeBase(db);
    await restarted.load();
    expect(restarted.size).toBe(built.size);
    expect(await answers(restarted)).toEqual(await answers(built));
  });

  it('is ignored and rebuilt when it no longer describes the stored passages (a crash between ingest and snapshot)', async () => {
    const built = new KnowledgeBase(db);
    await built.load();
    await built.ingest(documents);
    const stale = (await storedSnapshot())!;
    await built.ingest(documents.slice(1));
    await db.run("UPDATE knowledge_snapshots SET data = ? WHERE key = 'lexical'", [stale]);
    const restarted = new KnowledgeBase(db);
    await restarted.load();
    expect(restarted.size).toBe(built.size);
    expect(restarted.chunks().some((chunk) => chunk.doc_id === documents[0]!.id && chunk.locale === documents[0]!.locale)).toBe(false);
    // The rebuilt index replaced the stale snapshot, and searches as an index rebuilt without one.
    expect(decodeSnapshot((await storedSnapshot())!)!.ids.length).toBe(built.size);
    await db.run("DELETE FROM knowledge_snapshots WHERE key = 'lexical'");
    const rebuilt = new KnowledgeBase(db);
    await rebuilt.load();
    expect(await answers(restarted)).toEqual(await answers(rebuilt));
  });

  it('a damaged snapshot is rebuilt rather than trusted', async () => {
    const built = new KnowledgeBase(db);
    await built.load();
    await built.ingest(documents);
    const good = (await storedSnapshot())!;
    expect(decodeSnapshot(good.subarray(0, good.length - 3))).toBeNull();
    await db.run("UPDATE knowledge_snapshots SET data = ? WHERE key = 'lexical'", [good.subarray(0, good.length - 3)]);
    const restarted = new KnowledgeBase(db);
    await restarted.load();
    expect(await answers(restarted)).toEqual(await answers(built));
  });

  it('round-trips postings with large row numbers and term frequencies', () => {
    const snapshot = { ids: ['a', 'b'], hashes: ['h1', 'h2'], lengths: [3, 400], terms: ['x', 'y'], postings: [{ rows: [0, 1], tfs: [1, 300] }, { rows: [1], tfs: [70_000] }], vocabulary: [['x', 2]] as Array<[string, number]> };
    expect(decodeSnapshot(encodeSnapshot(snapshot))).toEqual(snapshot);
  });
});

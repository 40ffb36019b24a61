/**
 * Retrieval eval: `npm run eval:retrieval`. Runs our hybrid search, its fusion variants and two
 * baselines (MiniSearch BM25, LangChain MemoryVectorStore with our offline embedder) on the same
 * questions and passages, for the demo merchant and for an unseen one, prints a table and writes
 * evals/retrieval/results.json. Answerability thresholds are calibrated on the train split only.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../src/config/index.ts';
import { importMerchant, ingestKnowledge } from '../../src/flows/index.ts';
import { createRuntime } from '../../src/main.ts';
import { createLogger } from '../../src/platform/index.ts';
import { DEFAULT_ANSWER_THRESHOLD } from '../../src/knowledge/index.ts';
import { readQuestions, type Question } from './dataset.ts';
import { answerability, calibrate, rankingMetrics, type Ranked } from './metrics.ts';
import { hybridSystem, memoryVectorStoreSystem, miniSearchSystem, type System } from './systems.ts';

const here = resolve(import.meta.dirname);
const root = resolve(here, '../..');

async function evaluate(label: string, merchantDir: string, questions: Question[]) {
  const data = mkdtempSync(join(tmpdir(), 'shopkeeper-eval-'));
  const config = loadConfig({ env: { LOG_LEVEL: 'silent', SHOPKEEPER_EMBEDDINGS: 'offline', SHOPKEEPER_VECTOR_INDEX: 'embedded' }, flags: { merchant: merchantDir, data } });
  const runtime = await createRuntime(config, { logger: createLogger({ level: 'silent' }) });
  await importMerchant(runtime);
  const ingest = await ingestKnowledge(runtime);
  const chunks = runtime.knowledge.chunks();
  const systems: System[] = [
    hybridSystem('hybrid (ours)', runtime.knowledge),
    hybridSystem('hybrid-rrf', runtime.knowledge, { method: 'rrf' }),
    hybridSystem('ours-lexical-only', runtime.knowledge, { method: 'lexical' }),
    hybridSystem('ours-vector-only', runtime.knowledge, { method: 'vector' }),
    miniSearchSystem(chunks),
    await memoryVectorStoreSystem(chunks),
  ];
  const results: Record<string, unknown> = {};
  const failures: Record<string, Array<{ split: string; q: string; expected: string[]; got: string[] }>> = {};
  for (const system of systems) {
    const rows: Ranked[] = [];
    const started = performance.now();
    for (const question of questions) rows.push({ question, ...(await system.rank(question.q, question.lang)) });
    const ms = (performance.now() - started) / questions.length;
    const train = rows.filter((row) => row.question.split === 'train');
    const test = rows.filter((row) => row.question.split === 'test');
    const threshold = calibrate(train);
    results[system.name] = {
      all: rankingMetrics(rows), train: rankingMetrics(train), test: rankingMetrics(test),
      french: rankingMetrics(rows.filter((row) => row.question.lang === 'fr')),
      answerability: { calibrated_on_train: answerability(test, threshold), all: answerability(rows, threshold), ...(system.name.startsWith('hybrid (ours)') ? { shipped_threshold: answerability(rows, DEFAULT_ANSWER_THRESHOLD) } : {}) },
      ms_per_query: Math.round(ms * 100) / 100,
    };
    failures[system.name] = rows.filter((row) => row.question.answerable && !row.docs.slice(0, 5).some((doc) => row.question.relevant.includes(doc)))
      .map((row) => ({ split: row.question.split, q: row.question.q, expected: row.question.relevant, got: row.docs.slice(0, 3) }));
  }
  await runtime.close();
  rmSync(data, { recursive: true, force: true });
  return { label, merchant: merchantDir, passages: ingest.chunks.total, questions: { answerable: questions.filter((q) => q.answerable).length, unanswerable: questions.filter((q) => !q.answerable).length, french: questions.filter((q) => q.lang === 'fr').length }, results, failures };
}

function table(run: Awaited<ReturnType<typeof evaluate>>): string {
  const lines = [`\n${run.label}: ${run.questions.answerable} answerable (${run.questions.french} French) + ${run.questions.unanswerable} unanswerable questions, ${run.passages} passages`,
    '| system | R@1 | R@5 | MRR | nDCG@10 | R@5 test | unanswerable recognised (test) | answerable refused (test) | ms/query |', '|---|---|---|---|---|---|---|---|---|'];
  for (const [name, value] of Object.entries(run.results)) {
    const result = value as { all: Record<string, number>; test: Record<string, number>; answerability: { calibrated_on_train: Record<string, number> }; ms_per_query: number };
    const a = result.answerability.calibrated_on_train;
    lines.push(`| ${name} | ${result.all.recall_at_1} | ${result.all.recall_at_5} | ${result.all.mrr} | ${result.all.ndcg_at_10} | ${result.test.recall_at_5} | ${run.questions.unanswerable ? a.unanswerable_recognised : 'n/a'} | ${a.answerable_refused} | ${result.ms_per_query} |`);
  }
  return lines.join('\n');
}

const demo = [
  ...readQuestions(join(here, 'questions.en.txt'), 'en', 'en'),
  ...readQuestions(join(here, 'questions.fr.txt'), 'fr', 'fr'),
  ...readQuestions(join(here, 'questions.products.txt'), 'auto', 'product').filter(() => true),
  ...readQuestions(join(here, 'unanswerable.txt'), 'auto', 'none'),
];
const runs = [
  await evaluate('demo (Northwind Trail Co.)', join(root, 'knowledge'), demo),
  await evaluate('unseen merchant (Maple & Loom Yarns)', join(here, 'unseen-merchant'), readQuestions(join(here, 'unseen-merchant/questions.txt'), 'auto', 'unseen')),
];
for (const run of runs) {
  console.log(table(run));
  const shipped = (run.results['hybrid (ours)'] as { answerability: { shipped_threshold: Record<string, number> } }).answerability.shipped_threshold;
  console.log(`hybrid (ours) at the shipped threshold ${shipped.threshold}: unanswerable recognised ${run.questions.unanswerable ? shipped.unanswerable_recognised : 'n/a'}, answerable refused ${shipped.answerable_refused} (all questions)`);
}
if (process.argv.includes('--failures')) for (const run of runs) console.log(JSON.stringify(run.failures['hybrid (ours)'], null, 1));
writeFileSync(join(here, 'results.json'), `${JSON.stringify({ generated: new Date().toISOString(), runs }, null, 2)}\n`);
console.log(`\nwrote ${join('evals/retrieval', 'results.json')}`);

/**
 * Search benchmark: `npm run bench:search`. Builds the knowledge index over a generated corpus of
 * 1k, 10k and 100k passages (words drawn with the demo help center's own word frequencies, so
 * posting lists look like a real help center's), then reports ingest throughput, index build and
 * load time, heap used and query latency percentiles for realistic shopper questions. Numbers
 * only: nothing here is asserted in tests. Writes evals/bench/search-results.json.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { KnowledgeBase, knowledgeMigrations, type KnowledgeDocument } from '../../src/knowledge/index.ts';
import { migrate, openSqlite, sqliteSql } from '../../src/platform/index.ts';
import { reportMetrics } from './stats.ts';

const root = resolve(import.meta.dirname, '../..');
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const SIZES = sizes.length ? sizes : [1_000, 10_000, 100_000];

/** A deterministic pseudo-random generator, so every run indexes the same corpus. */
function random(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

function vocabulary(): { words: string[]; cumulative: number[] } {
  const counts = new Map<string, number>();
  for (const locale of ['en', 'fr']) {
    const dir = join(root, 'knowledge/help', locale);
    for (const file of readdirSync(dir)) {
      for (const word of readFileSync(join(dir, file), 'utf8').toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (word.length > 1) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  const words = [...counts.keys()];
  let total = 0;
  const cumulative = words.map((word) => (total += counts.get(word)!));
  return { words, cumulative: cumulative.map((value) => value / total) };
}

function generate(passages: number): KnowledgeDocument[] {
  const next = random(42);
  const { words, cumulative } = vocabulary();
  const pick = () => {
    const target = next();
    let low = 0, high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1; else high = middle;
    }
    return words[low]!;
  };
  const sentence = (length: number) => Array.from({ length }, pick).join(' ');
  // Four sections per article, about 60 words each: a typical help-center passage.
  const documents: KnowledgeDocument[] = [];
  for (let index = 0; index * 4 < passages; index++) {
    const sections = Array.from({ length: 4 }, () => `## ${sentence(3)}\n${sentence(30)}. ${sentence(30)}.`).join('\n\n');
    documents.push({ id: `doc-${index}`, locale: index % 3 === 0 ? 'fr' : 'en', kind: 'article', title: sentence(4), section: `Section ${index % 12}`, url: `https://bench.example/help/doc-${index}`, updated: '2026-01-01', body: sections });
  }
  return documents;
}

const QUERIES = ['can I send it back', 'how long does shipping take to canada', 'retrun window', 'where is my order', 'rembourser une commande', 'do you price match',
  'warranty on a broken zipper', 'frais de livraison en france', 'cancel my order', 'gift card balance', 'waterproof jacket care', 'store hours sunday'];

function percentile(sorted: number[], p: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 100) / 100;
}

const mb = (bytes: number) => Math.round(bytes / 1_048_576);
const results = [];
for (const size of SIZES) {
  const dir = mkdtempSync(join(tmpdir(), 'shopkeeper-bench-'));
  const documents = generate(size);
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const db = openSqlite(join(dir, 'bench.db'));
  migrate(db, knowledgeMigrations);
  const knowledge = new KnowledgeBase(sqliteSql(db));
  let started = performance.now();
  const ingest = await knowledge.ingest(documents);
  const ingestSeconds = (performance.now() - started) / 1000;
  global.gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  db.close();

  // A restart: load the persisted index (no embedding) as the server does.
  const reopenedDb = openSqlite(join(dir, 'bench.db'));
  const reopened = new KnowledgeBase(sqliteSql(reopenedDb));
  started = performance.now();
  await reopened.load();
  const loadSeconds = (performance.now() - started) / 1000;

  for (const query of QUERIES) await reopened.searchHelp(query);
  // Wall time and this process's CPU time per query: on a shared machine (other jobs running)
  // wall time includes waiting for a core, CPU time does not.
  const latencies: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const query of QUERIES) {
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      await reopened.searchHelp(query, { limit: 5 });
      const used = process.cpuUsage(cpuStart);
      cpu.push((used.user + used.system) / 1000);
      latencies.push(performance.now() - start);
    }
  }
  latencies.sort((left, right) => left - right);
  cpu.sort((left, right) => left - right);
  const row = {
    passages: ingest.chunks.total, documents: documents.length,
    ingest_seconds: Math.round(ingestSeconds * 100) / 100, ingest_chunks_per_second: Math.round(ingest.chunks.total / ingestSeconds),
    load_seconds: Math.round(loadSeconds * 100) / 100,
    query_ms: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) },
    query_cpu_ms: { p50: percentile(cpu, 50), p95: percentile(cpu, 95), p99: percentile(cpu, 99) },
    load_average: (await import('node:os')).loadavg()[0] ?? 0,
    heap_mb: { index: mb(heapAfter - heapBefore), total: mb(process.memoryUsage().heapUsed) },
    queries: latencies.length,
  };
  results.push(row);
  reportMetrics('search', { passages: row.passages, ingest_chunks_per_second: row.ingest_chunks_per_second, load_seconds: row.load_seconds, query_p95_ms: row.query_ms.p95 });
  console.log(JSON.stringify(row));
  reopenedDb.close();
  rmSync(dir, { recursive: true, force: true });
}

console.log('\n| passages | ingest (s) | ingest chunks/s | load at start (s) | p50 ms | p95 ms | p99 ms | CPU p50/p95/p99 ms | heap for index (MB) | load avg |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const row of results) console.log(`| ${row.passages} | ${row.ingest_seconds} | ${row.ingest_chunks_per_second} | ${row.load_seconds} | ${row.query_ms.p50} | ${row.query_ms.p95} | ${row.query_ms.p99} | ${row.query_cpu_ms.p50}/${row.query_cpu_ms.p95}/${row.query_cpu_ms.p99} | ${row.heap_mb.index} | ${row.load_average.toFixed(1)} |`);
writeFileSync(join(root, 'evals/bench/search-results.json'), `${JSON.stringify({ generated: new Date().toISOString(), node: process.version, cpus: (await import('node:os')).cpus().length, results }, null, 2)}\n`);

/**
 * Import throughput for a generated 10,000-row Shopify CSV, beside a baseline measured in the
 * same run: csv-parse alone on the same text (the floor any CSV importer pays). Reports rows/s and
 * the ratio; run with `npm run bench:import [rows]`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { SqliteCatalogRepository, catalogMigrations, importCatalogFile } from '../../src/catalog/index.ts';
import { migrate, openSqlite } from '../../src/platform/index.ts';
import { tempDir } from '../../test/helpers/paths.ts';
import { generateShopifyCsv } from './generate-shopify-csv.ts';

const rows = Number(process.argv[2] ?? 10_000);
const scratch = tempDir('shopkeeper-bench-');
const file = join(scratch.path, 'products.csv');
const text = generateShopifyCsv(rows);
writeFileSync(file, text);

function time<T>(work: () => T): { seconds: number; result: T } {
  const started = performance.now();
  const result = work();
  return { seconds: (performance.now() - started) / 1000, result };
}

const baseline = time(() => parse(text, { columns: true }).length);
const db = openSqlite(join(scratch.path, 'bench.db'));
migrate(db, catalogMigrations);
const repository = new SqliteCatalogRepository(db);
const firstStart = performance.now();
const first = await importCatalogFile(repository, file, 'USD');
const firstSeconds = (performance.now() - firstStart) / 1000;
const againStart = performance.now();
const again = await importCatalogFile(repository, file, 'USD');
const againSeconds = (performance.now() - againStart) / 1000;
db.close();
scratch.cleanup();

const rate = (count: number, seconds: number) => Math.round(count / seconds);
const table = [
  ['measure', 'rows', 'seconds', 'rows/s'],
  ['csv-parse only (baseline)', String(baseline.result), baseline.seconds.toFixed(3), String(rate(rows, baseline.seconds))],
  ['first import (parse + validate + write)', String(first.read), firstSeconds.toFixed(3), String(rate(rows, firstSeconds))],
  ['re-import, nothing changed', String(again.read), againSeconds.toFixed(3), String(rate(rows, againSeconds))],
];
for (const row of table) console.log(row.map((cell, index) => cell.padEnd(index === 0 ? 42 : 10)).join(''));
console.log(`\nproducts ${first.counts?.products}, variants ${first.counts?.variants}, issues ${first.issues.length}; re-import unchanged ${again.unchanged}`);
console.log(`first import costs ${(firstSeconds / baseline.seconds).toFixed(2)}x the bare CSV parse`);

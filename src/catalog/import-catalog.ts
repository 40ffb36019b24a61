import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, basename } from 'node:path';
import { emptyReport, type ImportReport } from '../platform/index.ts';
import type { CatalogRepository } from './repository.ts';
import { parseAcpFeed } from './importers/acp-feed.ts';
import { parseProductsJson } from './importers/products-json.ts';
import { parseShopifyCsv, type ParsedCatalog } from './importers/shopify-csv.ts';

type Parser = (text: string, file: string, currency: string) => ParsedCatalog;

/** The catalog formats we read, by file name. */
export function catalogFormatOf(file: string): { format: string; parse: Parser } | null {
  const extension = extname(file).toLowerCase();
  if (extension === '.csv') return { format: 'shopify-csv', parse: parseShopifyCsv };
  if (extension === '.jsonl' || extension === '.ndjson') return { format: 'acp-feed', parse: parseAcpFeed };
  if (extension === '.json') return { format: 'products-json', parse: (text, name) => parseProductsJson(text, name) };
  return null;
}

/**
 * Imports one catalog file. The whole file is parsed before anything is written, and its products
 * are written in one transaction, so an unreadable file leaves the database as it was.
 */
export async function importCatalogFile(repository: CatalogRepository, file: string, currency: string): Promise<ImportReport> {
  const kind = catalogFormatOf(file);
  const report = emptyReport(file, kind?.format ?? 'unknown');
  if (!kind) {
    report.issues.push({ file, message: 'unknown catalog format; use .csv (Shopify export), .jsonl (ACP feed) or products.json' });
    return report;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    report.issues.push({ file, message: `cannot read the file: ${(error as Error).message}` });
    return report;
  }
  const parsed = kind.parse(text, file, currency);
  const result = await repository.upsertProducts(parsed.products, `${kind.format}:${basename(file)}`);
  report.read = parsed.rows;
  report.created = result.created;
  report.updated = result.updated;
  report.unchanged = result.unchanged;
  report.skipped = parsed.issues.length;
  report.issues = parsed.issues;
  report.counts = { products: parsed.products.length, variants: result.variants };
  return report;
}

/** Imports every catalog file of a merchant directory's `catalog/` folder, in name order. */
export async function importCatalogDir(repository: CatalogRepository, dir: string, currency: string): Promise<ImportReport[]> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => catalogFormatOf(name) !== null).sort();
  } catch {
    return [];
  }
  const reports: ImportReport[] = [];
  for (const name of names) reports.push(await importCatalogFile(repository, join(dir, name), currency));
  return reports;
}

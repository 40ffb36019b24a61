import { join } from 'node:path';
import { importCatalogDir } from '../catalog/index.ts';
import { importHelpDir } from '../knowledge/index.ts';
import { importOrdersDir, type SkuFacts } from '../orders/index.ts';
import type { ImportReport } from '../platform/index.ts';
import { ingestKnowledge } from './ingest-knowledge.ts';
import type { Services } from './services.ts';

export interface MerchantImportSummary {
  merchant: string;
  dir: string;
  seconds: number;
  files: ImportReport[];
  totals: { products: number; variants: number; customers: number; orders: number; articles: number; issues: number };
}

/**
 * Imports a whole merchant directory: catalog first (orders look up their SKUs in it), then
 * customers and orders, then the help center. Each file is its own transaction; re-running it
 * updates what changed and duplicates nothing.
 */
export async function importMerchant(services: Services, onFile?: (report: ImportReport) => void): Promise<MerchantImportSummary> {
  const started = performance.now();
  const { merchant } = services;
  const files: ImportReport[] = [];
  const record = (report: ImportReport) => {
    files.push(report);
    onFile?.(report);
  };
  for (const report of await importCatalogDir(services.catalogRepository, join(merchant.dir, 'catalog'), merchant.profile.currency)) record(report);
  const bySku = new Map<string, SkuFacts>();
  for (const product of await services.catalogRepository.listProducts()) {
    for (const variant of product.variants) {
      bySku.set(variant.sku, { product_id: product.id, title: product.title, variant_title: variant.title, options: variant.options, tags: product.tags });
    }
  }
  for (const report of await importOrdersDir(services.orders, join(merchant.dir, 'orders'), (sku) => bySku.get(sku) ?? null)) record(report);
  record(await importHelpDir(services.articles, join(merchant.dir, 'help')));
  const catalogCounts = await services.catalogRepository.counts();
  const orderCounts = await services.orders.counts();
  const articleCounts = await services.articles.count();
  return {
    merchant: merchant.profile.name,
    dir: merchant.dir,
    seconds: Math.round(performance.now() - started) / 1000,
    files,
    totals: {
      products: catalogCounts.products,
      variants: catalogCounts.variants,
      customers: orderCounts.customers,
      orders: orderCounts.orders,
      articles: articleCounts.articles,
      issues: files.reduce((sum, file) => sum + file.issues.length, 0),
    },
  };
}

/** Imports the merchant directory when the database holds no catalog yet (a fresh install). */
export async function importIfEmpty(services: Services): Promise<MerchantImportSummary | null> {
  if ((await services.catalogRepository.counts()).products > 0) return null;
  const summary = await importMerchant(services);
  services.logger.info({ totals: summary.totals, seconds: summary.seconds }, `imported ${summary.merchant}`);
  return summary;
}

/**
 * What every entry point (HTTP server, MCP over stdio) does before serving: import the merchant on
 * a fresh database, load the stored help index and bring it up to date (no work when unchanged).
 */
export async function prepareMerchant(services: Services): Promise<MerchantImportSummary | null> {
  const imported = await importIfEmpty(services);
  await services.knowledge.load();
  const ingest = await ingestKnowledge(services);
  services.logger.info({ chunks: ingest.chunks.total, embedded: ingest.embeddings.computed, seconds: ingest.seconds }, 'help index ready');
  return imported;
}

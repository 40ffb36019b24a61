import { htmlToText, type Product } from '../catalog/index.ts';
import { articleToDocument, type IngestSummary, type KnowledgeDocument } from '../knowledge/index.ts';
import { formatMoney } from '../platform/index.ts';
import type { Services } from './services.ts';

/**
 * A product as a knowledge document, so "does the daypack have a laptop sleeve?" is answered from
 * the product's own description and specs. Prices are written with the store currency; the
 * document changes (and is re-embedded) only when the product does.
 */
export function productDocument(product: Product, options: { currency: string; locale: string; storeUrl: string }): KnowledgeDocument {
  const prices = product.variants.map((variant) => variant.price);
  const [low, high] = [Math.min(...prices), Math.max(...prices)];
  const specs = [
    product.product_type ? `- Type: ${product.product_type}` : null,
    product.vendor ? `- Brand: ${product.vendor}` : null,
    ...product.options.map((option) => `- ${option.name}: ${option.values.join(', ')}`),
    product.tags.length ? `- Tags: ${product.tags.join(', ')}` : null,
    `- Price: ${formatMoney(low, options.currency)}${high > low ? ` to ${formatMoney(high, options.currency)}` : ''}`,
  ].filter(Boolean);
  return {
    id: product.id, locale: options.locale, kind: 'product', title: product.title, section: 'Products',
    url: product.url ?? `${options.storeUrl.replace(/\/$/, '')}/products/${product.id}`, updated: null, product_id: product.id,
    body: `${htmlToText(product.description_html)}\n\n## Specifications\n${specs.join('\n')}`,
  };
}

/**
 * Brings the knowledge index up to date with the imported help center and the active catalog.
 * Incremental: unchanged articles and products cost a hash comparison.
 */
export async function ingestKnowledge(services: Services, onProgress?: (done: number, total: number) => void): Promise<IngestSummary> {
  const { profile } = services.merchant;
  const articles = (await services.articles.list()).map(articleToDocument);
  const products = (await services.catalogRepository.listProducts())
    .filter((product) => product.status === 'active' && !product.is_gift_card)
    .map((product) => productDocument(product, { currency: profile.currency, locale: profile.locales[0]!, storeUrl: profile.url }));
  return services.knowledge.ingest([...articles, ...products], onProgress);
}

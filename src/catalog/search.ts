import type { Product, ProductSummary } from './types.ts';
import { htmlToText, isVariantAvailable } from './types.ts';

export interface ProductQuery {
  q?: string;
  /** Highest acceptable price in minor units: a product matches when one available variant costs no more. */
  max_price?: number;
  min_price?: number;
  in_stock?: boolean;
  product_type?: string;
  limit?: number;
}

const STOP = new Set('a an and the for with of in on to is are it that this my me i you your do does have has what which any some under below less than over more de la le les des un une et pour avec du au sur en est'.split(' '));

export function tokenize(text: string): string[] {
  return text
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((token) => token && !STOP.has(token))
    .map((token) => (token.length > 3 && token.endsWith('s') && !token.endsWith('ss') ? token.slice(0, -1) : token));
}

interface Indexed { product: Product; summary: ProductSummary; fields: Array<{ counts: Map<string, number>; weight: number }> }

/** Current stock by variant id; levels not in it are taken as indexed. */
export type StockLevels = ReadonlyMap<string, number>;

/**
 * A small in-memory ranked search over the active catalog: title and type matter more than the
 * description, every query term adds evidence, and price/stock filters apply to variants.
 */
export class ProductIndex {
  private readonly items: Indexed[];
  private readonly documentFrequency = new Map<string, number>();

  constructor(products: readonly Product[], private readonly currency: string) {
    this.items = products.filter((product) => product.status === 'active').map((product) => {
      const fields = [
        { tokens: tokenize(product.title), weight: 3 },
        { tokens: tokenize(`${product.product_type ?? ''} ${product.tags.join(' ')} ${product.category ?? ''}`), weight: 2 },
        { tokens: tokenize(product.options.flatMap((option) => option.values).join(' ')), weight: 1 },
        { tokens: tokenize(htmlToText(product.description_html)), weight: 1 },
      ];
      for (const token of new Set(fields.flatMap((field) => field.tokens))) {
        this.documentFrequency.set(token, (this.documentFrequency.get(token) ?? 0) + 1);
      }
      const counted = fields.map(({ tokens, weight }) => {
        const counts = new Map<string, number>();
        for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
        return { counts, weight };
      });
      return { product, summary: summarize(product, currency), fields: counted };
    });
  }

  get size(): number {
    return this.items.length;
  }

  search(query: ProductQuery, stock?: StockLevels): ProductSummary[] {
    const terms = [...new Set(tokenize(query.q ?? ''))];
    const total = this.items.length || 1;
    const scored: Array<{ summary: ProductSummary; score: number }> = [];
    for (const item of this.items) {
      const summary = this.filterVariants(stock ? withStock(item, stock, this.currency) : item.summary, query);
      if (!summary) continue;
      let score = 0;
      let matched = 0;
      for (const term of terms) {
        let termScore = 0;
        for (const field of item.fields) {
          // An exact word counts fully; a longer word that starts with the term ("backpacking" for
          // "backpack") is weaker evidence, so a boot for backpacking ranks below a backpack.
          const exact = field.counts.get(term) ?? 0;
          if (exact) termScore += field.weight * (1 + Math.log(exact));
          else if (term.length >= 4 && hasPrefixed(field.counts, term)) termScore += field.weight * 0.3;
        }
        if (termScore > 0) {
          matched++;
          score += termScore * Math.log(1 + total / (this.documentFrequency.get(term) ?? 1));
        }
      }
      if (terms.length > 0 && matched === 0) continue;
      // Products that match every term outrank products that match one term many times.
      const coverage = terms.length ? matched / terms.length : 1;
      scored.push({ summary, score: score * coverage * coverage });
    }
    scored.sort((left, right) => right.score - left.score || left.summary.price_min - right.summary.price_min);
    return scored.slice(0, query.limit ?? 10).map((entry) => entry.summary);
  }

  private filterVariants(summary: ProductSummary, query: ProductQuery): ProductSummary | null {
    if (query.product_type && summary.product_type?.toLowerCase() !== query.product_type.toLowerCase()) return null;
    const variants = summary.variants.filter((variant) =>
      (query.max_price === undefined || variant.price <= query.max_price)
      && (query.min_price === undefined || variant.price >= query.min_price)
      && (!query.in_stock || variant.available));
    if (variants.length === 0) return null;
    if (variants.length === summary.variants.length) return summary;
    return { ...summary, ...priceRange(variants), in_stock: variants.some((variant) => variant.available), variants, currency: this.currency };
  }
}

/** The indexed summary with today's stock; the same object when nothing moved (most products, most of the time). */
function withStock(item: Indexed, stock: StockLevels, currency: string): ProductSummary {
  const moved = item.product.variants.some((variant) => stock.has(variant.id) && stock.get(variant.id) !== variant.inventory);
  if (!moved) return item.summary;
  return summarize({ ...item.product, variants: item.product.variants.map((variant) => ({ ...variant, inventory: stock.get(variant.id) ?? variant.inventory })) }, currency);
}

function hasPrefixed(counts: Map<string, number>, term: string): boolean {
  for (const token of counts.keys()) if (token.startsWith(term)) return true;
  return false;
}

function priceRange(variants: ProductSummary['variants']) {
  const prices = variants.map((variant) => variant.price);
  const compare = variants.map((variant) => variant.compare_at_price).filter((value): value is number => value !== null);
  return { price_min: Math.min(...prices), price_max: Math.max(...prices), compare_at_max: compare.length ? Math.max(...compare) : null };
}

export function summarize(product: Product, currency: string): ProductSummary {
  const variants = product.variants.map((variant) => ({
    id: variant.id, sku: variant.sku, title: variant.title, options: variant.options, price: variant.price,
    compare_at_price: variant.compare_at_price, inventory: Math.max(0, variant.inventory), available: isVariantAvailable(variant),
  }));
  return {
    id: product.id,
    title: product.title,
    description: htmlToText(product.description_html),
    product_type: product.product_type,
    tags: product.tags,
    url: product.url,
    image: product.images[0]?.src ?? null,
    currency,
    ...priceRange(variants),
    in_stock: variants.some((variant) => variant.available),
    variants,
  };
}

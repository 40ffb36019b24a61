import { z } from 'zod';
import { htmlToText, textToHtml } from '../types.ts';
import type { Product, Variant } from '../types.ts';
import type { ParsedCatalog } from './shopify-csv.ts';
import { zodIssuesToImportIssues } from './zod-issues.ts';

const price = z.object({ amount: z.number().int().min(0), currency: z.string().regex(/^[A-Z]{3}$/) });
const media = z.object({ type: z.string(), url: z.string().url(), alt_text: z.string().optional() });
const description = z.object({ plain: z.string().optional(), html: z.string().optional(), markdown: z.string().optional() });

const feedVariant = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  description: description.optional(),
  url: z.string().optional(),
  barcodes: z.array(z.object({ type: z.string(), value: z.string() })).optional(),
  price: price.optional(),
  list_price: price.optional(),
  availability: z.object({ available: z.boolean().optional(), status: z.string().optional() }).optional(),
  categories: z.array(z.object({ value: z.string(), taxonomy: z.string().optional() })).optional(),
  variant_options: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
  media: z.array(media).optional(),
});

export const feedProductSchema = z.object({
  id: z.string().min(1),
  title: z.string().optional(),
  description: description.optional(),
  url: z.string().optional(),
  media: z.array(media).optional(),
  variants: z.array(feedVariant).min(1),
});

/**
 * Reads an ACP product feed as JSON Lines, one Product per line. The feed says whether a variant
 * is available but not how many units exist, so available variants import as "keep selling"
 * (inventory_policy continue) and unavailable ones as out of stock.
 */
export function parseAcpFeed(text: string, file: string, currency: string): ParsedCatalog {
  const result: ParsedCatalog = { products: [], issues: [], rows: 0 };
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim()) return;
    result.rows++;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      const position = /position (\d+)/.exec(String(error));
      result.issues.push({ file, line, column: position ? Number(position[1]) + 1 : undefined, message: `not valid JSON: ${(error as Error).message}` });
      return;
    }
    const parsed = feedProductSchema.safeParse(json);
    if (!parsed.success) {
      result.issues.push(...zodIssuesToImportIssues(parsed.error, file, line).slice(0, 3));
      return;
    }
    const feedProduct = parsed.data;
    const variants: Variant[] = feedProduct.variants.map((variant) => {
      const listPrice = variant.list_price?.amount ?? null;
      const amount = variant.price?.amount ?? listPrice ?? 0;
      const available = variant.availability?.available ?? variant.availability?.status !== 'out_of_stock';
      return {
        id: variant.id,
        sku: variant.id,
        title: variant.variant_options?.map((option) => option.value).join(' / ') || variant.title,
        options: Object.fromEntries((variant.variant_options ?? []).map((option) => [option.name, option.value])),
        price: amount,
        compare_at_price: listPrice !== null && listPrice > amount ? listPrice : null,
        inventory: 0,
        inventory_policy: available ? 'continue' : 'deny',
        weight_grams: null,
        barcode: variant.barcodes?.[0]?.value ?? null,
        image: variant.media?.find((item) => item.type === 'image')?.url ?? null,
        requires_shipping: true,
        taxable: true,
      };
    });
    const currencies = new Set(feedProduct.variants.map((variant) => variant.price?.currency).filter(Boolean));
    if (currencies.size > 0 && !currencies.has(currency)) {
      result.issues.push({ file, line, field: 'variants.price.currency', message: `prices are in ${[...currencies].join(', ')} but the merchant sells in ${currency}; skipped` });
      return;
    }
    const first = feedProduct.variants[0]!;
    const html = feedProduct.description?.html ?? textToHtml(feedProduct.description?.plain ?? feedProduct.description?.markdown ?? first.description?.plain ?? '');
    const optionNames = [...new Set(feedProduct.variants.flatMap((variant) => variant.variant_options?.map((option) => option.name) ?? []))];
    const product: Product = {
      id: feedProduct.id,
      title: feedProduct.title ?? first.title,
      description_html: html,
      vendor: null,
      product_type: first.categories?.[0]?.value.split('>').pop()?.trim() ?? null,
      category: first.categories?.[0]?.value ?? null,
      tags: [],
      status: 'active',
      is_gift_card: false,
      options: optionNames.map((name) => ({ name, values: [...new Set(variants.map((variant) => variant.options[name]).filter((value): value is string => !!value))] })),
      images: (feedProduct.media ?? []).filter((item) => item.type === 'image').map((item) => ({ src: item.url, alt: item.alt_text ?? null })),
      url: feedProduct.url ?? null,
      variants,
    };
    if (!htmlToText(product.description_html) && !product.title) return;
    result.products.push(product);
  });
  return result;
}

import { z } from 'zod';
import { jsonArrayElementOffsets, jsonErrorOffset, positionAt, slugify } from '../../platform/index.ts';
import { textToHtml, type Product } from '../types.ts';
import type { ParsedCatalog } from './shopify-csv.ts';
import { zodIssuesToImportIssues } from './zod-issues.ts';

const minor = z.number().int().min(0);

const jsonVariant = z.strictObject({
  id: z.string().min(1).optional(),
  sku: z.string().min(1),
  title: z.string().optional(),
  options: z.record(z.string(), z.string()).default({}),
  price: minor,
  compare_at_price: minor.nullable().optional(),
  inventory: z.number().int().default(0),
  inventory_policy: z.enum(['deny', 'continue']).default('deny'),
  weight_grams: minor.nullable().optional(),
  barcode: z.string().nullable().optional(),
  image: z.string().nullable().optional(),
  requires_shipping: z.boolean().default(true),
  taxable: z.boolean().default(true),
});

const jsonProduct = z.strictObject({
  id: z.string().min(1).optional(),
  handle: z.string().min(1).optional(),
  title: z.string().min(1),
  description: z.string().default(''),
  description_html: z.string().optional(),
  vendor: z.string().nullable().optional(),
  product_type: z.string().nullable().optional(),
  category: z.string().nullable().optional(),
  tags: z.array(z.string()).default([]),
  status: z.enum(['active', 'draft', 'archived']).default('active'),
  is_gift_card: z.boolean().default(false),
  url: z.string().nullable().optional(),
  images: z.array(z.union([z.string(), z.object({ src: z.string(), alt: z.string().nullable().optional() })])).default([]),
  options: z.array(z.object({ name: z.string(), values: z.array(z.string()) })).optional(),
  variants: z.array(jsonVariant).min(1),
});

/** Reads the documented `products.json` (an array of products with variants; prices in minor units). */
export function parseProductsJson(text: string, file: string): ParsedCatalog {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const offset = jsonErrorOffset(error, text);
    const at = offset === undefined ? {} : positionAt(text, offset);
    return { products: [], rows: 0, issues: [{ file, ...at, message: `not valid JSON: ${(error as Error).message}` }] };
  }
  if (!Array.isArray(data)) return { products: [], rows: 0, issues: [{ file, line: 1, column: 1, message: 'expected a JSON array of products' }] };
  const offsets = jsonArrayElementOffsets(text);
  const result: ParsedCatalog = { products: [], issues: [], rows: data.length };
  data.forEach((item, index) => {
    const at: { line?: number; column?: number } = offsets[index] === undefined ? {} : positionAt(text, offsets[index]!);
    const parsed = jsonProduct.safeParse(item);
    if (!parsed.success) {
      result.issues.push(...zodIssuesToImportIssues(parsed.error, file, at.line, at.column).map((issue) => ({ ...issue, field: `[${index}].${issue.field ?? ''}` })));
      return;
    }
    const value = parsed.data;
    const id = value.id ?? value.handle ?? slugify(value.title);
    const variants = value.variants.map((variant) => ({
      id: variant.id ?? variant.sku,
      sku: variant.sku,
      title: variant.title ?? (Object.values(variant.options).join(' / ') || 'Default'),
      options: variant.options,
      price: variant.price,
      compare_at_price: variant.compare_at_price ?? null,
      inventory: variant.inventory,
      inventory_policy: variant.inventory_policy,
      weight_grams: variant.weight_grams ?? null,
      barcode: variant.barcode ?? null,
      image: variant.image ?? null,
      requires_shipping: variant.requires_shipping,
      taxable: variant.taxable,
    }));
    const optionNames = [...new Set(variants.flatMap((variant) => Object.keys(variant.options)))];
    const product: Product = {
      id,
      title: value.title,
      description_html: value.description_html ?? textToHtml(value.description),
      vendor: value.vendor ?? null,
      product_type: value.product_type ?? null,
      category: value.category ?? null,
      tags: value.tags,
      status: value.status,
      is_gift_card: value.is_gift_card,
      options: value.options ?? optionNames.map((name) => ({ name, values: [...new Set(variants.map((variant) => variant.options[name]!).filter(Boolean))] })),
      images: value.images.map((image) => (typeof image === 'string' ? { src: image, alt: null } : { src: image.src, alt: image.alt ?? null })),
      url: value.url ?? null,
      variants,
    };
    result.products.push(product);
  });
  return result;
}

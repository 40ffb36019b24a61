import { z } from 'zod';

export const variantSchema = z.object({
  id: z.string().min(1),
  sku: z.string().min(1),
  title: z.string(),
  options: z.record(z.string(), z.string()),
  price: z.number().int().min(0),
  compare_at_price: z.number().int().min(0).nullable(),
  inventory: z.number().int(),
  /** `continue` sells past zero (backorder), as Shopify's Variant Inventory Policy. */
  inventory_policy: z.enum(['deny', 'continue']),
  weight_grams: z.number().int().min(0).nullable(),
  barcode: z.string().nullable(),
  image: z.string().nullable(),
  requires_shipping: z.boolean(),
  taxable: z.boolean(),
});

export const productSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  description_html: z.string(),
  vendor: z.string().nullable(),
  product_type: z.string().nullable(),
  category: z.string().nullable(),
  tags: z.array(z.string()),
  status: z.enum(['active', 'draft', 'archived']),
  is_gift_card: z.boolean(),
  options: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
  images: z.array(z.object({ src: z.string(), alt: z.string().nullable() })),
  url: z.string().nullable(),
  variants: z.array(variantSchema).min(1),
});

export type Variant = z.output<typeof variantSchema>;
export type Product = z.output<typeof productSchema>;

/** A product as a shopper sees it: text description, price range, stock. */
export interface ProductSummary {
  id: string;
  title: string;
  description: string;
  product_type: string | null;
  tags: string[];
  url: string | null;
  image: string | null;
  currency: string;
  price_min: number;
  price_max: number;
  compare_at_max: number | null;
  in_stock: boolean;
  variants: Array<Pick<Variant, 'id' | 'sku' | 'title' | 'options' | 'price' | 'compare_at_price'> & { available: boolean; inventory: number }>;
}

export function isVariantAvailable(variant: Pick<Variant, 'inventory' | 'inventory_policy'>): boolean {
  return variant.inventory > 0 || variant.inventory_policy === 'continue';
}

/** Plain text of an HTML description, for search and for assistants that cannot render HTML. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(br|\/p|\/li|\/h[1-6]|\/div)\s*\/?>/gi, '\n')
    .replace(/<li[^>]*>/gi, '- ')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}

/** Paragraphs of plain text as escaped HTML. */
export function textToHtml(text: string): string {
  return text.split(/\n{2,}/).filter((paragraph) => paragraph.trim())
    .map((paragraph) => `<p>${paragraph.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`).join('');
}

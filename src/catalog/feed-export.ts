import type { Product } from './types.ts';
import { htmlToText, isVariantAvailable } from './types.ts';

export interface FeedSeller {
  name: string;
  currency: string;
  links: Record<string, string>;
}

const isUrl = (value: string | null | undefined): value is string => typeof value === 'string' && URL.canParse(value) && /^https?:/.test(value);

/**
 * The catalog as ACP feed Products (2026-04-17 schema.feed.json): one Product per catalog product,
 * variant ids are the ids checkout accepts as Item.id, prices in minor units with an UPPERCASE
 * currency (the feed's convention, unlike checkout). Only active products are exported.
 */
export function toFeedProducts(products: readonly Product[], seller: FeedSeller): Array<Record<string, unknown>> {
  const currency = seller.currency.toUpperCase();
  const links = Object.entries(seller.links).filter(([, url]) => isUrl(url)).map(([type, url]) => ({ type, url }));
  return products.filter((product) => product.status === 'active').map((product) => {
    const media = product.images.filter((image) => isUrl(image.src)).map((image) => ({ type: 'image', url: image.src, ...(image.alt ? { alt_text: image.alt } : {}) }));
    const plain = htmlToText(product.description_html);
    return {
      id: product.id,
      title: product.title,
      ...(plain ? { description: { plain, html: product.description_html } } : {}),
      ...(isUrl(product.url) ? { url: product.url } : {}),
      ...(media.length ? { media } : {}),
      variants: product.variants.map((variant) => ({
        id: variant.id,
        title: variant.title && variant.title !== 'Default Title' ? `${product.title} - ${variant.title}` : product.title,
        ...(variant.barcode ? { barcodes: [{ type: 'GTIN', value: variant.barcode }] } : {}),
        price: { amount: variant.price, currency },
        ...(variant.compare_at_price && variant.compare_at_price > variant.price ? { list_price: { amount: variant.compare_at_price, currency } } : {}),
        availability: {
          available: isVariantAvailable(variant),
          status: variant.inventory > 0 ? (variant.inventory <= 3 ? 'limited_stock' : 'in_stock') : variant.inventory_policy === 'continue' ? 'backorder' : 'out_of_stock',
        },
        ...(product.category || product.product_type ? { categories: [{ value: (product.category ?? product.product_type)! }] } : {}),
        condition: ['new'],
        variant_options: Object.entries(variant.options).map(([name, value]) => ({ name, value })),
        ...(isUrl(variant.image) ? { media: [{ type: 'image', url: variant.image }] } : {}),
        seller: { name: seller.name, ...(links.length ? { links } : {}) },
      })),
    };
  });
}

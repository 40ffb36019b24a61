import { z } from 'zod';
import { defineTool, READ_ONLY } from './tool.ts';

const variant = z.object({
  id: z.string(), title: z.string(), options: z.record(z.string(), z.string()), price: z.number().int(),
  compare_at_price: z.number().int().nullable(), available: z.boolean(),
});

export const productCard = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  url: z.string().nullable(),
  image: z.string().nullable(),
  currency: z.string(),
  price_min: z.number().int(),
  price_max: z.number().int(),
  in_stock: z.boolean(),
  variants: z.array(variant),
});

export const searchProducts = defineTool({
  name: 'search_products',
  title: 'Search products',
  description: 'Find products in the catalog by what the shopper wants (words, budget, stock). Prices are integer minor units (cents). Use the returned variant id to start a checkout.',
  input: z.object({
    query: z.string().max(300).describe('What the shopper is looking for, e.g. "waterproof hiking backpack with laptop sleeve"'),
    max_price: z.number().int().min(0).optional().describe('Highest price in minor units (15000 = $150.00)'),
    in_stock_only: z.boolean().default(true).describe('Only products with a variant that can ship now'),
    limit: z.number().int().min(1).max(20).default(5),
  }),
  output: z.object({ products: z.array(productCard), total: z.number().int() }),
  annotations: READ_ONLY,
  async execute({ services }, input) {
    const results = await services.catalog.search({ q: input.query, max_price: input.max_price, in_stock: input.in_stock_only, limit: input.limit });
    const products = results.map((product) => ({
      id: product.id, title: product.title, description: product.description.slice(0, 400), url: product.url, image: product.image,
      currency: product.currency, price_min: product.price_min, price_max: product.price_max, in_stock: product.in_stock,
      variants: product.variants.map(({ id, title, options, price, compare_at_price, available }) => ({ id, title, options, price, compare_at_price, available })),
    }));
    return { products, total: products.length };
  },
  summarize: (output) => output.total === 0 ? 'No matching products.' : `Found ${output.total} products: ${output.products.map((product) => product.title).join(', ')}.`,
});

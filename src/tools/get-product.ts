import { z } from 'zod';
import { notFound } from '../platform/index.ts';
import { productCard } from './search-products.ts';
import { defineTool, READ_ONLY } from './tool.ts';

export const getProduct = defineTool({
  name: 'get_product',
  title: 'Get product details',
  description: 'Full details of one product: description, every variant with its options, price and availability. Use it to answer product questions (materials, sizes, laptop sleeve, waterproofing) from the merchant\'s own text.',
  input: z.object({
    product_id: z.string().min(1).max(200).describe('A product id from search_products'),
  }),
  output: productCard.extend({ product_type: z.string().nullable(), tags: z.array(z.string()) }),
  annotations: READ_ONLY,
  async execute({ services }, input) {
    const product = await services.catalog.get(input.product_id);
    if (!product) throw notFound(`No product with id "${input.product_id}".`, { field: 'product_id', fix: 'Use an id returned by search_products.' });
    return {
      id: product.id, title: product.title, description: product.description, url: product.url, image: product.image,
      currency: product.currency, price_min: product.price_min, price_max: product.price_max, in_stock: product.in_stock,
      product_type: product.product_type, tags: product.tags,
      variants: product.variants.map(({ id, title, options, price, compare_at_price, available }) => ({ id, title, options, price, compare_at_price, available })),
    };
  },
  summarize: (output) => `${output.title}: ${output.variants.length} variants, ${output.in_stock ? 'in stock' : 'out of stock'}.`,
});

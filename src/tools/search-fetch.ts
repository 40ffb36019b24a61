import { z } from 'zod';
import { notFound } from '../platform/index.ts';
import { defineTool, READ_ONLY } from './tool.ts';

/*
 * The standard `search` and `fetch` tools that hosts such as ChatGPT's company knowledge expect:
 * ids are `article:<locale>:<id>` or `product:<id>`, so fetch can resolve them without state.
 */

export const searchStandard = defineTool({
  name: 'search',
  title: 'Search the store',
  description: 'Search the merchant\'s help center and catalog. Returns ids to pass to fetch for the full text.',
  input: z.object({ query: z.string().min(1).max(500).describe('What to look for') }),
  output: z.object({ results: z.array(z.object({ id: z.string(), title: z.string(), url: z.string() })) }),
  annotations: READ_ONLY,
  async execute({ services }, input) {
    const found = await services.knowledge.searchHelp(input.query, { limit: 8 });
    const results = found.results.map((result) => ({
      id: result.kind === 'product' && result.product_id ? `product:${result.product_id}` : `article:${result.locale}:${result.doc_id}`,
      title: result.title,
      url: result.url,
    }));
    return { results: results.filter((result, index) => results.findIndex((other) => other.id === result.id) === index) };
  },
  summarize: (output) => `${output.results.length} results.`,
});

export const fetchStandard = defineTool({
  name: 'fetch',
  title: 'Fetch a document',
  description: 'Full text of a help article or product returned by search, with its URL to cite.',
  input: z.object({ id: z.string().min(1).max(300).describe('An id from search, e.g. article:en:returns-and-refunds') }),
  output: z.object({ id: z.string(), title: z.string(), text: z.string(), url: z.string(), metadata: z.record(z.string(), z.string()) }),
  annotations: READ_ONLY,
  async execute({ services }, input): Promise<{ id: string; title: string; text: string; url: string; metadata: Record<string, string> }> {
    const [kind, ...rest] = input.id.split(':');
    if (kind === 'article' && rest.length === 2) {
      const article = await services.articles.get(rest[1]!, rest[0]!);
      if (article) return { id: input.id, title: article.title, text: article.body, url: article.url, metadata: { section: article.section, updated: article.updated, locale: article.locale } };
    }
    if (kind === 'product' && rest.length >= 1) {
      const product = await services.catalog.get(rest.join(':'));
      if (product) {
        const variants = product.variants.map((variant) => `- ${variant.title}: ${(variant.price / 100).toFixed(2)} ${product.currency}${variant.available ? '' : ' (sold out)'}`).join('\n');
        return {
          id: input.id, title: product.title, text: `${product.description}\n\nVariants:\n${variants}`,
          url: product.url ?? `${services.merchant.profile.url}/products/${product.id}`, metadata: { type: product.product_type ?? '', in_stock: String(product.in_stock) },
        };
      }
    }
    throw notFound(`Nothing with id "${input.id}".`, { field: 'id', fix: 'Use an id returned by the search tool.' });
  },
  summarize: (output) => `${output.title} (${output.url})`,
});

import { ShopkeeperError } from '../../platform/index.ts';
import type { Services } from '../services.ts';

export interface Citation {
  id: string;
  title: string;
  url: string | null;
}

/** The help article behind a rule, in the merchant's default locale, for the shopper to read. */
export async function cite(services: Services, id: string): Promise<Citation> {
  const locale = services.merchant.profile.locales[0] ?? 'en';
  const article = (await services.articles.get(id, locale)) ?? (await services.articles.get(id, 'en'));
  return { id, title: article?.title ?? id, url: article?.url ?? null };
}

/** Adds the cited article's title and URL to a policy refusal, so every surface can show the source. */
export async function withCitation<T>(services: Services, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (ShopkeeperError.isInstance(error) && typeof error.details.article === 'string' && error.details.article_url === undefined) {
      const citation = await cite(services, error.details.article);
      error.details.article_title = citation.title;
      error.details.article_url = citation.url;
      // Surfaces print `fix`; carrying the rule and the source there means every surface cites them.
      const source = `Policy rule ${String(error.details.rule ?? 'policy')}; see "${citation.title}"${citation.url ? ` (${citation.url})` : ''}.`;
      error.details.fix = typeof error.details.fix === 'string' ? `${error.details.fix} ${source}` : source;
    }
    throw error;
  }
}

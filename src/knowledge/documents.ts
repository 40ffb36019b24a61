import type { HelpArticle } from './types.ts';
import type { KnowledgeDocument } from './types-index.ts';

/** An imported help-center article as a knowledge document. */
export function articleToDocument(article: HelpArticle): KnowledgeDocument {
  return { id: article.id, locale: article.locale, kind: 'article', title: article.title, section: article.section, url: article.url, updated: article.updated, body: article.body };
}

export type { HelpArticle } from './types.ts';
export { articleMetaSchema } from './types.ts';
export { parseMarkdownArticle } from './parse-markdown.ts';
export { knowledgeMigrations } from './migrations.ts';
export { SqliteArticleRepository } from './repository.ts';
export type { ArticleRepository, ArticleSyncResult } from './repository.ts';
export { importHelpDir, registerArticleReader } from './import-help.ts';
export type { ArticleReader } from './import-help.ts';

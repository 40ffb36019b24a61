import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { emptyReport, type ImportReport } from '../platform/index.ts';
import { parseMarkdownArticle } from './parse-markdown.ts';
import { parseHtmlArticle, parseZendeskExport } from './read-html.ts';
import type { ArticleRepository } from './repository.ts';
import type { HelpArticle } from './types.ts';

function listFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** A reader turns one help-center file into articles (a Zendesk export holds many). */
export type ArticleReader = (text: string, file: string) => { articles: HelpArticle[]; issues: ImportReport['issues'] };

const readers: Record<string, ArticleReader> = {
  '.md': (text, file) => {
    const { article, issues } = parseMarkdownArticle(text, file);
    return { articles: article ? [article] : [], issues };
  },
  '.markdown': (text, file) => readers['.md']!(text, file),
  '.html': (text, file) => {
    const { article, issues } = parseHtmlArticle(text, file);
    return { articles: article ? [article] : [], issues };
  },
  '.htm': (text, file) => readers['.html']!(text, file),
  '.json': parseZendeskExport,
};

/** Lets other formats (HTML, Zendesk JSON) plug in without this file knowing them. */
export function registerArticleReader(extension: string, reader: ArticleReader): void {
  readers[extension.toLowerCase()] = reader;
}

/**
 * Imports the `help/` folder: every article file is read, then the stored set is made equal to it
 * in one transaction, so deleted files leave the help center and unchanged ones cost nothing.
 */
export async function importHelpDir(repository: ArticleRepository, dir: string): Promise<ImportReport> {
  const report = emptyReport(dir, 'help-center');
  const articles = new Map<string, HelpArticle>();
  for (const file of listFiles(dir)) {
    const reader = readers[extname(file).toLowerCase()];
    if (!reader) continue;
    const { articles: found, issues } = reader(readFileSync(file, 'utf8'), file);
    report.read += Math.max(found.length, issues.length > 0 ? 1 : 0);
    report.issues.push(...issues);
    if (issues.length > 0 && found.length === 0) report.skipped++;
    for (const article of found) {
      const key = `${article.id}\u0000${article.locale}`;
      if (articles.has(key)) {
        report.issues.push({ file, field: 'id', message: `article ${article.id} (${article.locale}) is also defined in ${articles.get(key)!.source}; ids must be unique per locale` });
        report.skipped++;
        continue;
      }
      articles.set(key, article);
    }
  }
  const result = await repository.sync([...articles.values()]);
  report.created = result.created;
  report.updated = result.updated;
  report.unchanged = result.unchanged;
  report.counts = { deleted: result.deleted };
  return report;
}

import type { SqlDb } from '../platform/index.ts';
import type { HelpArticle } from './types.ts';

export interface ArticleSyncResult { created: number; updated: number; unchanged: number; deleted: number }

export interface ArticleRepository {
  /** Makes the stored articles exactly `articles`: new ones added, changed ones replaced, missing ones deleted. */
  sync(articles: readonly HelpArticle[]): Promise<ArticleSyncResult>;
  list(): Promise<HelpArticle[]>;
  get(id: string, locale: string): Promise<HelpArticle | null>;
  count(): Promise<{ articles: number; by_locale: Record<string, number> }>;
}

const COLUMNS = ['id', 'locale', 'title', 'section', 'url', 'updated', 'body', 'source', 'content_hash'] as const;

/** Help articles in the database (SQLite or PostgreSQL), synced as a whole from an import. */
export class SqlArticleRepository implements ArticleRepository {
  constructor(private readonly db: SqlDb) {}

  async sync(articles: readonly HelpArticle[]): Promise<ArticleSyncResult> {
    return this.db.transaction(async (tx) => {
      const result: ArticleSyncResult = { created: 0, updated: 0, unchanged: 0, deleted: 0 };
      const existing = new Map((await tx.all<{ id: string; locale: string; content_hash: string }>('SELECT id, locale, content_hash FROM help_articles'))
        .map((row) => [`${row.id}\u0000${row.locale}`, row.content_hash]));
      for (const article of articles) {
        const key = `${article.id}\u0000${article.locale}`;
        const previous = existing.get(key);
        existing.delete(key);
        if (previous === article.content_hash) {
          result.unchanged++;
          continue;
        }
        await tx.run(`INSERT INTO help_articles (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})
          ON CONFLICT (id, locale) DO UPDATE SET title = excluded.title, section = excluded.section, url = excluded.url, updated = excluded.updated,
            body = excluded.body, source = excluded.source, content_hash = excluded.content_hash`, COLUMNS.map((column) => article[column]));
        if (previous === undefined) result.created++;
        else result.updated++;
      }
      for (const key of existing.keys()) {
        const [id, locale] = key.split('\u0000') as [string, string];
        await tx.run('DELETE FROM help_articles WHERE id = ? AND locale = ?', [id, locale]);
        result.deleted++;
      }
      return result;
    });
  }

  async list(): Promise<HelpArticle[]> {
    return this.db.all<HelpArticle>(`SELECT ${COLUMNS.join(', ')} FROM help_articles ORDER BY locale, id`);
  }

  async get(id: string, locale: string): Promise<HelpArticle | null> {
    return (await this.db.get<HelpArticle>(`SELECT ${COLUMNS.join(', ')} FROM help_articles WHERE id = ? AND locale = ?`, [id, locale])) ?? null;
  }

  async count(): Promise<{ articles: number; by_locale: Record<string, number> }> {
    const rows = await this.db.all<{ locale: string; count: number }>('SELECT locale, COUNT(*) AS count FROM help_articles GROUP BY locale ORDER BY locale');
    return { articles: rows.reduce((sum, row) => sum + Number(row.count), 0), by_locale: Object.fromEntries(rows.map((row) => [row.locale, Number(row.count)])) };
  }
}

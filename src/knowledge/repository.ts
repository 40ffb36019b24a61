import type { SqliteDb } from '../platform/index.ts';
import type { HelpArticle } from './types.ts';

export interface ArticleSyncResult { created: number; updated: number; unchanged: number; deleted: number }

export interface ArticleRepository {
  /** Makes the stored articles exactly `articles`: new ones added, changed ones replaced, missing ones deleted. */
  sync(articles: readonly HelpArticle[]): Promise<ArticleSyncResult>;
  list(): Promise<HelpArticle[]>;
  get(id: string, locale: string): Promise<HelpArticle | null>;
  count(): Promise<{ articles: number; by_locale: Record<string, number> }>;
}

export class SqliteArticleRepository implements ArticleRepository {
  constructor(private readonly db: SqliteDb) {}

  async sync(articles: readonly HelpArticle[]): Promise<ArticleSyncResult> {
    const result: ArticleSyncResult = { created: 0, updated: 0, unchanged: 0, deleted: 0 };
    const existing = new Map((this.db.prepare('SELECT id, locale, content_hash FROM help_articles').all() as { id: string; locale: string; content_hash: string }[])
      .map((row) => [`${row.id}\u0000${row.locale}`, row.content_hash]));
    const upsert = this.db.prepare(`INSERT INTO help_articles (id, locale, title, section, url, updated, body, source, content_hash)
      VALUES (@id, @locale, @title, @section, @url, @updated, @body, @source, @content_hash)
      ON CONFLICT (id, locale) DO UPDATE SET title = excluded.title, section = excluded.section, url = excluded.url, updated = excluded.updated,
        body = excluded.body, source = excluded.source, content_hash = excluded.content_hash`);
    const remove = this.db.prepare('DELETE FROM help_articles WHERE id = ? AND locale = ?');
    this.db.transaction(() => {
      for (const article of articles) {
        const key = `${article.id}\u0000${article.locale}`;
        const previous = existing.get(key);
        existing.delete(key);
        if (previous === article.content_hash) {
          result.unchanged++;
          continue;
        }
        upsert.run(article);
        if (previous === undefined) result.created++;
        else result.updated++;
      }
      for (const key of existing.keys()) {
        const [id, locale] = key.split('\u0000') as [string, string];
        remove.run(id, locale);
        result.deleted++;
      }
    })();
    return result;
  }

  async list(): Promise<HelpArticle[]> {
    return this.db.prepare('SELECT * FROM help_articles ORDER BY locale, id').all() as HelpArticle[];
  }

  async get(id: string, locale: string): Promise<HelpArticle | null> {
    return (this.db.prepare('SELECT * FROM help_articles WHERE id = ? AND locale = ?').get(id, locale) as HelpArticle | undefined) ?? null;
  }

  async count(): Promise<{ articles: number; by_locale: Record<string, number> }> {
    const rows = this.db.prepare('SELECT locale, COUNT(*) AS count FROM help_articles GROUP BY locale').all() as { locale: string; count: number }[];
    return { articles: rows.reduce((sum, row) => sum + row.count, 0), by_locale: Object.fromEntries(rows.map((row) => [row.locale, row.count])) };
  }
}

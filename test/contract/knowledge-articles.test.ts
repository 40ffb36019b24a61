import { expect, it } from 'vitest';
import { SqlArticleRepository, knowledgeMigrations, type HelpArticle } from '../../src/knowledge/index.ts';
import { onEveryDatabase } from '../helpers/databases.ts';
import { secondStorage } from './second-storage.ts';

const article = (id: string, locale: string, body: string): HelpArticle => ({
  id, locale, title: `Title ${id}`, section: 'General', url: `https://x.example/${locale}/${id}`, updated: '2026-01-01', body, source: `help/${id}.md`, content_hash: `h:${body}`,
});

await onEveryDatabase('ArticleRepository contract', knowledgeMigrations, (open) => {
  it('syncs to exactly the given articles: created, updated, unchanged and deleted are counted', async () => {
    const articles = new SqlArticleRepository((await open()).sql);
    expect(await articles.sync([article('returns', 'en', 'v1'), article('returns', 'fr', 'v1'), article('shipping', 'en', 'v1')]))
      .toEqual({ created: 3, updated: 0, unchanged: 0, deleted: 0 });
    expect(await articles.sync([article('returns', 'en', 'v2'), article('returns', 'fr', 'v1'), article('Warranty', 'en', 'v1')]))
      .toEqual({ created: 1, updated: 1, unchanged: 1, deleted: 1 });
    expect(await articles.get('returns', 'en')).toEqual(article('returns', 'en', 'v2'));
    expect(await articles.get('shipping', 'en')).toBeNull();
    expect((await articles.list()).map((item) => `${item.locale}/${item.id}`)).toEqual(['en/Warranty', 'en/returns', 'fr/returns']);
    expect(await articles.count()).toEqual({ articles: 3, by_locale: { en: 2, fr: 1 } });
  });

  it('leaves the previous articles in place when a sync fails part way', async () => {
    const articles = new SqlArticleRepository((await open()).sql);
    await articles.sync([article('returns', 'en', 'v1')]);
    const broken = { ...article('shipping', 'en', 'v1'), title: null } as unknown as HelpArticle;
    await expect(articles.sync([article('returns', 'en', 'v2'), broken])).rejects.toThrow();
    expect(await articles.list()).toEqual([article('returns', 'en', 'v1')]);
  });

  it('two importers syncing the same articles at once create each article once', async () => {
    const storage = await open();
    // PostgreSQL: another replica's pool. SQLite: one process shares one SqlDb (its queue orders
    // transactions); a second connection in the same event loop would block on the file lock.
    const other = storage.sqlite ? storage : secondStorage(storage);
    const corpus = [article('returns', 'en', 'v1'), article('shipping', 'en', 'v1')];
    const results = await Promise.all([new SqlArticleRepository(storage.sql).sync(corpus), new SqlArticleRepository(other.sql).sync(corpus)]);
    expect(results.map((result) => result.created + result.updated).reduce((sum, value) => sum + value, 0)).toBeGreaterThanOrEqual(2);
    expect(await new SqlArticleRepository(storage.sql).count()).toEqual({ articles: 2, by_locale: { en: 2 } });
  });
});

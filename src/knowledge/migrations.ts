import type { Migration } from '../platform/index.ts';

export const knowledgeMigrations: Migration[] = [
  {
    id: 'knowledge/001-articles',
    sqlite: `
      CREATE TABLE help_articles (
        id TEXT NOT NULL,
        locale TEXT NOT NULL,
        title TEXT NOT NULL,
        section TEXT NOT NULL,
        url TEXT NOT NULL,
        updated TEXT NOT NULL,
        body TEXT NOT NULL,
        source TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        PRIMARY KEY (id, locale)
      );
    `,
  },
];

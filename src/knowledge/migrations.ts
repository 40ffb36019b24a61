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
    // COLLATE "C": listings ordered by these keys come out in SQLite's (byte) order on both databases.
    postgres: `
      CREATE TABLE help_articles (
        id TEXT COLLATE "C" NOT NULL,
        locale TEXT COLLATE "C" NOT NULL,
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
  // Passages, their embeddings (cached by content hash and model) and index state.
  {
    id: 'knowledge/002-index',
    sqlite: `
      CREATE TABLE knowledge_documents (
        doc_key TEXT PRIMARY KEY,
        doc_hash TEXT NOT NULL
      );
      CREATE TABLE knowledge_chunks (
        id TEXT PRIMARY KEY,
        doc_key TEXT NOT NULL,
        position INTEGER NOT NULL,
        data TEXT NOT NULL,
        content_hash TEXT NOT NULL
      );
      CREATE INDEX knowledge_chunks_doc ON knowledge_chunks (doc_key);
      CREATE TABLE knowledge_embeddings (
        content_hash TEXT NOT NULL,
        model TEXT NOT NULL,
        vector BLOB NOT NULL,
        PRIMARY KEY (content_hash, model)
      );
      CREATE TABLE knowledge_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
    // Passages load ordered by (doc_key, position): byte order keeps the index, and search ties, as on SQLite.
    postgres: `
      CREATE TABLE knowledge_documents (
        doc_key TEXT COLLATE "C" PRIMARY KEY,
        doc_hash TEXT NOT NULL
      );
      CREATE TABLE knowledge_chunks (
        id TEXT PRIMARY KEY,
        doc_key TEXT COLLATE "C" NOT NULL,
        position INTEGER NOT NULL,
        data TEXT NOT NULL,
        content_hash TEXT NOT NULL
      );
      CREATE INDEX knowledge_chunks_doc ON knowledge_chunks (doc_key);
      CREATE INDEX knowledge_chunks_content ON knowledge_chunks (content_hash);
      CREATE TABLE knowledge_embeddings (
        content_hash TEXT NOT NULL,
        model TEXT NOT NULL,
        vector BYTEA NOT NULL,
        PRIMARY KEY (content_hash, model)
      );
      CREATE TABLE knowledge_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  // The lexical index's serialised form (see search/lexical-snapshot.ts): a restart reads it instead
  // of re-analysing every passage. One row per index; rewritten after each ingest.
  {
    id: 'knowledge/003-lexical-snapshot',
    sqlite: `
      CREATE TABLE knowledge_snapshots (
        key TEXT PRIMARY KEY,
        data BLOB NOT NULL
      );
    `,
    postgres: `
      CREATE TABLE knowledge_snapshots (
        key TEXT PRIMARY KEY,
        data BYTEA NOT NULL
      );
    `,
  },
];

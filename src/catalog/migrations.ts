import type { Migration } from '../platform/index.ts';

export const catalogMigrations: Migration[] = [
  {
    id: 'catalog/001-products',
    sqlite: `
      CREATE TABLE products (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        description_html TEXT NOT NULL,
        vendor TEXT,
        product_type TEXT,
        category TEXT,
        tags TEXT NOT NULL,
        status TEXT NOT NULL,
        is_gift_card INTEGER NOT NULL DEFAULT 0,
        options TEXT NOT NULL,
        images TEXT NOT NULL,
        url TEXT,
        source TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE variants (
        id TEXT PRIMARY KEY,
        product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        sku TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        options TEXT NOT NULL,
        price INTEGER NOT NULL CHECK (price >= 0),
        compare_at_price INTEGER,
        inventory INTEGER NOT NULL,
        inventory_policy TEXT NOT NULL,
        weight_grams INTEGER,
        barcode TEXT,
        image TEXT,
        requires_shipping INTEGER NOT NULL,
        taxable INTEGER NOT NULL
      );
      CREATE INDEX variants_product ON variants(product_id);
    `,
    postgres: `
      CREATE TABLE products (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        description_html TEXT NOT NULL,
        vendor TEXT,
        product_type TEXT,
        category TEXT,
        tags JSONB NOT NULL,
        status TEXT NOT NULL,
        is_gift_card BOOLEAN NOT NULL DEFAULT false,
        options JSONB NOT NULL,
        images JSONB NOT NULL,
        url TEXT,
        source TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL
      );
      CREATE TABLE variants (
        id TEXT PRIMARY KEY,
        product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        sku TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        options JSONB NOT NULL,
        price BIGINT NOT NULL CHECK (price >= 0),
        compare_at_price BIGINT,
        inventory INTEGER NOT NULL,
        inventory_policy TEXT NOT NULL,
        weight_grams INTEGER,
        barcode TEXT,
        image TEXT,
        requires_shipping BOOLEAN NOT NULL,
        taxable BOOLEAN NOT NULL
      );
      CREATE INDEX variants_product ON variants(product_id);
    `,
  },
  {
    // A shared counter of catalog writes: every process (replica, CLI import) sees the others'
    // changes and rebuilds its in-memory search index, which a per-process counter cannot do.
    id: 'catalog/002-version',
    sqlite: `
      CREATE TABLE catalog_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
      INSERT INTO catalog_version (id, version) VALUES (1, 0);
    `,
    postgres: `
      CREATE TABLE catalog_version (id INTEGER PRIMARY KEY CHECK (id = 1), version BIGINT NOT NULL);
      INSERT INTO catalog_version (id, version) VALUES (1, 0);
    `,
  },
];

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
  },
];

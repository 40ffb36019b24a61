import { stableHash, withTransaction, type PgPool, type SqlExecutor } from '../platform/index.ts';
import type { CatalogRepository, UpsertResult } from './repository.ts';
import { adjustInventoryIn } from './stock-sql.ts';
import type { Product, Variant } from './types.ts';

interface ProductRow extends Omit<Product, 'variants'> { content_hash: string }
interface VariantRow extends Variant { product_id: string; position: number }

const toVariant = ({ product_id: _product, position: _position, ...variant }: VariantRow): Variant => variant;

/** The catalog on PostgreSQL: same contract as SQLite, row locks instead of SQLite's single writer. */
export class PgCatalogRepository implements CatalogRepository {
  constructor(private readonly pool: PgPool) {}

  async version(): Promise<number> {
    return Number((await this.pool.query<{ version: string }>('SELECT version FROM catalog_version WHERE id = 1')).rows[0]!.version);
  }

  async stockLevels(): Promise<Map<string, number>> {
    const rows = (await this.pool.query<{ id: string; inventory: number }>('SELECT id, inventory FROM variants')).rows;
    return new Map(rows.map((row) => [row.id, Number(row.inventory)]));
  }

  async upsertProducts(products: readonly Product[], source: string): Promise<UpsertResult> {
    return withTransaction(this.pool, async (client) => {
      const result: UpsertResult = { created: 0, updated: 0, unchanged: 0, variants: 0 };
      const ids = products.map((product) => product.id);
      const existing = new Map((await client.query<{ id: string; content_hash: string }>('SELECT id, content_hash FROM products WHERE id = ANY($1) FOR UPDATE', [ids])).rows
        .map((row) => [row.id, row.content_hash]));
      for (const product of products) {
        const contentHash = stableHash(product);
        result.variants += product.variants.length;
        const previous = existing.get(product.id);
        if (previous === contentHash) {
          result.unchanged++;
          continue;
        }
        await client.query(`INSERT INTO products (id, title, description_html, vendor, product_type, category, tags, status, is_gift_card, options, images, url, source, content_hash, updated_at)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, now())
          ON CONFLICT (id) DO UPDATE SET title = excluded.title, description_html = excluded.description_html, vendor = excluded.vendor,
            product_type = excluded.product_type, category = excluded.category, tags = excluded.tags, status = excluded.status,
            is_gift_card = excluded.is_gift_card, options = excluded.options, images = excluded.images, url = excluded.url,
            source = excluded.source, content_hash = excluded.content_hash, updated_at = excluded.updated_at`,
        [product.id, product.title, product.description_html, product.vendor, product.product_type, product.category, JSON.stringify(product.tags),
          product.status, product.is_gift_card, JSON.stringify(product.options), JSON.stringify(product.images), product.url, source, contentHash]);
        await client.query('DELETE FROM variants WHERE product_id = $1 OR (sku = ANY($2) AND product_id <> $1)', [product.id, product.variants.map((variant) => variant.sku)]);
        for (const [position, variant] of product.variants.entries()) {
          await client.query(`INSERT INTO variants (id, product_id, position, sku, title, options, price, compare_at_price, inventory, inventory_policy, weight_grams, barcode, image, requires_shipping, taxable)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
          [variant.id, product.id, position, variant.sku, variant.title, JSON.stringify(variant.options), variant.price, variant.compare_at_price, variant.inventory,
            variant.inventory_policy, variant.weight_grams, variant.barcode, variant.image, variant.requires_shipping, variant.taxable]);
        }
        if (previous === undefined) result.created++;
        else result.updated++;
      }
      if (result.created + result.updated > 0) await client.query('UPDATE catalog_version SET version = version + 1 WHERE id = 1');
      return result;
    });
  }

  private async hydrate(rows: ProductRow[]): Promise<Product[]> {
    if (rows.length === 0) return [];
    const variants = (await this.pool.query<VariantRow>('SELECT * FROM variants WHERE product_id = ANY($1) ORDER BY product_id, position', [rows.map((row) => row.id)])).rows;
    const byProduct = new Map<string, Variant[]>();
    for (const row of variants) byProduct.set(row.product_id, [...(byProduct.get(row.product_id) ?? []), toVariant(row)]);
    return rows.map(({ content_hash: _hash, source: _source, updated_at: _updated, ...row }: ProductRow & { source?: string; updated_at?: unknown }) => ({ ...row, variants: byProduct.get(row.id) ?? [] }));
  }

  async getProduct(id: string): Promise<Product | null> {
    return (await this.hydrate((await this.pool.query<ProductRow>('SELECT * FROM products WHERE id = $1', [id])).rows))[0] ?? null;
  }

  async findVariant(idOrSku: string): Promise<{ product: Product; variant: Variant } | null> {
    // The product row and the variant's id in one round trip; hydrate adds the variants.
    const rows = (await this.pool.query<ProductRow & { matched_variant: string }>(`SELECT p.*, v.id AS matched_variant FROM variants v JOIN products p ON p.id = v.product_id
      WHERE v.id = $1 OR v.sku = $1 LIMIT 1`, [idOrSku])).rows;
    const matched = rows[0]?.matched_variant;
    const product = (await this.hydrate(rows.map(({ matched_variant: _matched, ...row }) => row)))[0];
    const variant = product?.variants.find((candidate) => candidate.id === matched);
    return product && variant ? { product, variant } : null;
  }

  async listProducts(filter: { status?: Product['status'] } = {}): Promise<Product[]> {
    const rows = filter.status
      ? (await this.pool.query<ProductRow>('SELECT * FROM products WHERE status = $1 ORDER BY title', [filter.status])).rows
      : (await this.pool.query<ProductRow>('SELECT * FROM products ORDER BY title')).rows;
    return this.hydrate(rows);
  }

  async adjustInventory(variantId: string, delta: number, options: { allowNegative?: boolean; tx?: SqlExecutor } = {}): Promise<number | null> {
    if (options.tx) return adjustInventoryIn(options.tx, variantId, delta, options.allowNegative);
    const row = (await this.pool.query<{ inventory: number }>(
      `UPDATE variants SET inventory = inventory + $1 WHERE id = $2${options.allowNegative ? '' : ' AND inventory + $1 >= 0'} RETURNING inventory`, [delta, variantId])).rows[0];
    return row ? Number(row.inventory) : null;
  }

  async counts(): Promise<{ products: number; variants: number; active_products: number }> {
    return (await this.pool.query<{ products: number; variants: number; active_products: number }>(`SELECT
      (SELECT COUNT(*) FROM products) AS products,
      (SELECT COUNT(*) FROM products WHERE status = 'active') AS active_products,
      (SELECT COUNT(*) FROM variants) AS variants`)).rows[0]!;
  }
}

import { stableHash, type SqlDb, type SqlExecutor, type SqliteDb } from '../platform/index.ts';
import type { CatalogRepository, UpsertResult } from './repository.ts';
import { adjustInventoryIn } from './stock-sql.ts';
import type { Product, Variant } from './types.ts';

interface ProductRow {
  id: string; title: string; description_html: string; vendor: string | null; product_type: string | null;
  category: string | null; tags: string; status: Product['status']; is_gift_card: number; options: string;
  images: string; url: string | null; content_hash: string;
}
interface VariantRow {
  id: string; product_id: string; sku: string; title: string; options: string; price: number;
  compare_at_price: number | null; inventory: number; inventory_policy: Variant['inventory_policy'];
  weight_grams: number | null; barcode: string | null; image: string | null; requires_shipping: number; taxable: number;
}

function toVariant(row: VariantRow): Variant {
  return {
    id: row.id, sku: row.sku, title: row.title, options: JSON.parse(row.options), price: row.price,
    compare_at_price: row.compare_at_price, inventory: row.inventory, inventory_policy: row.inventory_policy,
    weight_grams: row.weight_grams, barcode: row.barcode, image: row.image,
    requires_shipping: row.requires_shipping === 1, taxable: row.taxable === 1,
  };
}

function toProduct(row: ProductRow, variants: Variant[]): Product {
  return {
    id: row.id, title: row.title, description_html: row.description_html, vendor: row.vendor,
    product_type: row.product_type, category: row.category, tags: JSON.parse(row.tags), status: row.status,
    is_gift_card: row.is_gift_card === 1, options: JSON.parse(row.options), images: JSON.parse(row.images),
    url: row.url, variants,
  };
}

const hashProduct = (product: Product): string => stableHash(product);

export class SqliteCatalogRepository implements CatalogRepository {
  /**
   * `queue` is the process's SqlDb over the same connection: writes run in its transaction so
   * they wait for, and never land inside, another request's open async transaction (which could
   * roll them back with it).
   */
  constructor(private readonly db: SqliteDb, private readonly queue?: SqlDb) {}

  private serialised<T>(work: () => T): Promise<T> {
    return this.queue ? this.queue.transaction(async () => work()) : Promise.resolve().then(work);
  }

  async version(): Promise<number> {
    return (this.db.prepare('SELECT version FROM catalog_version WHERE id = 1').get() as { version: number }).version;
  }

  async stockLevels(): Promise<Map<string, number>> {
    const rows = this.db.prepare('SELECT id, inventory FROM variants').all() as Array<{ id: string; inventory: number }>;
    return new Map(rows.map((row) => [row.id, row.inventory]));
  }

  private bumpVersion(): void {
    this.db.prepare('UPDATE catalog_version SET version = version + 1 WHERE id = 1').run();
  }

  async upsertProducts(products: readonly Product[], source: string): Promise<UpsertResult> {
    const result: UpsertResult = { created: 0, updated: 0, unchanged: 0, variants: 0 };
    const existing = this.db.prepare('SELECT content_hash FROM products WHERE id = ?');
    const upsert = this.db.prepare(`
      INSERT INTO products (id, title, description_html, vendor, product_type, category, tags, status, is_gift_card, options, images, url, source, content_hash, updated_at)
      VALUES (@id, @title, @description_html, @vendor, @product_type, @category, @tags, @status, @is_gift_card, @options, @images, @url, @source, @content_hash, @updated_at)
      ON CONFLICT (id) DO UPDATE SET title = excluded.title, description_html = excluded.description_html, vendor = excluded.vendor,
        product_type = excluded.product_type, category = excluded.category, tags = excluded.tags, status = excluded.status,
        is_gift_card = excluded.is_gift_card, options = excluded.options, images = excluded.images, url = excluded.url,
        source = excluded.source, content_hash = excluded.content_hash, updated_at = excluded.updated_at`);
    const removeVariants = this.db.prepare('DELETE FROM variants WHERE product_id = ?');
    // A SKU that moved to another product in the new file must leave its old product first.
    const removeSku = this.db.prepare('DELETE FROM variants WHERE sku = ? AND product_id <> ?');
    const insertVariant = this.db.prepare(`
      INSERT INTO variants (id, product_id, position, sku, title, options, price, compare_at_price, inventory, inventory_policy, weight_grams, barcode, image, requires_shipping, taxable)
      VALUES (@id, @product_id, @position, @sku, @title, @options, @price, @compare_at_price, @inventory, @inventory_policy, @weight_grams, @barcode, @image, @requires_shipping, @taxable)`);
    const now = new Date().toISOString();
    await this.serialised(() => this.db.transaction(() => {
      for (const product of products) {
        const contentHash = hashProduct(product);
        const previous = existing.get(product.id) as { content_hash: string } | undefined;
        result.variants += product.variants.length;
        if (previous?.content_hash === contentHash) {
          result.unchanged++;
          continue;
        }
        upsert.run({
          ...product, tags: JSON.stringify(product.tags), options: JSON.stringify(product.options),
          images: JSON.stringify(product.images), is_gift_card: product.is_gift_card ? 1 : 0,
          source, content_hash: contentHash, updated_at: now,
        });
        removeVariants.run(product.id);
        product.variants.forEach((variant, position) => {
          removeSku.run(variant.sku, product.id);
          insertVariant.run({
            ...variant, product_id: product.id, position, options: JSON.stringify(variant.options),
            requires_shipping: variant.requires_shipping ? 1 : 0, taxable: variant.taxable ? 1 : 0,
          });
        });
        if (previous) result.updated++;
        else result.created++;
      }
      if (result.created + result.updated > 0) this.bumpVersion();
    }).immediate());
    return result;
  }

  private variantsOf(productIds: string[]): Map<string, Variant[]> {
    const byProduct = new Map<string, Variant[]>();
    if (productIds.length === 0) return byProduct;
    const rows = this.db.prepare(`SELECT * FROM variants WHERE product_id IN (SELECT value FROM json_each(?)) ORDER BY product_id, position`)
      .all(JSON.stringify(productIds)) as VariantRow[];
    for (const row of rows) {
      const list = byProduct.get(row.product_id) ?? [];
      list.push(toVariant(row));
      byProduct.set(row.product_id, list);
    }
    return byProduct;
  }

  async getProduct(id: string): Promise<Product | null> {
    const row = this.db.prepare('SELECT * FROM products WHERE id = ?').get(id) as ProductRow | undefined;
    if (!row) return null;
    return toProduct(row, this.variantsOf([id]).get(id) ?? []);
  }

  async findVariant(idOrSku: string): Promise<{ product: Product; variant: Variant } | null> {
    const row = this.db.prepare('SELECT * FROM variants WHERE id = ? OR sku = ? LIMIT 1').get(idOrSku, idOrSku) as VariantRow | undefined;
    if (!row) return null;
    const product = await this.getProduct(row.product_id);
    const variant = product?.variants.find((candidate) => candidate.id === row.id);
    return product && variant ? { product, variant } : null;
  }

  async listProducts(filter: { status?: Product['status'] } = {}): Promise<Product[]> {
    const rows = (filter.status
      ? this.db.prepare('SELECT * FROM products WHERE status = ? ORDER BY title').all(filter.status)
      : this.db.prepare('SELECT * FROM products ORDER BY title').all()) as ProductRow[];
    const variants = this.variantsOf(rows.map((row) => row.id));
    return rows.map((row) => toProduct(row, variants.get(row.id) ?? []));
  }

  async adjustInventory(variantId: string, delta: number, options: { allowNegative?: boolean; tx?: SqlExecutor } = {}): Promise<number | null> {
    if (options.tx) return adjustInventoryIn(options.tx, variantId, delta, options.allowNegative);
    return this.serialised(() => {
      // The stock check and the update are one statement, so concurrent buyers cannot both take the last unit.
      const row = (options.allowNegative
        ? this.db.prepare('UPDATE variants SET inventory = inventory + ? WHERE id = ? RETURNING inventory').get(delta, variantId)
        : this.db.prepare('UPDATE variants SET inventory = inventory + ? WHERE id = ? AND inventory + ? >= 0 RETURNING inventory').get(delta, variantId, delta)
      ) as { inventory: number } | undefined;
      return row ? row.inventory : null;
    });
  }

  async counts(): Promise<{ products: number; variants: number; active_products: number }> {
    return this.db.prepare(`SELECT
      (SELECT COUNT(*) FROM products) AS products,
      (SELECT COUNT(*) FROM products WHERE status = 'active') AS active_products,
      (SELECT COUNT(*) FROM variants) AS variants`).get() as { products: number; variants: number; active_products: number };
  }
}

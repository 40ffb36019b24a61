import type { SqlExecutor } from '../platform/index.ts';
import type { Product, Variant } from './types.ts';

export interface UpsertResult {
  created: number;
  updated: number;
  unchanged: number;
  variants: number;
}

/** Storage of the catalog. Async so a PostgreSQL implementation fits behind the same callers. */
export interface CatalogRepository {
  /** Creates or replaces products by id in one transaction; unchanged content is left alone. */
  upsertProducts(products: readonly Product[], source: string): Promise<UpsertResult>;
  getProduct(id: string): Promise<Product | null>;
  /** Finds a variant by its id or SKU, with its product. */
  findVariant(idOrSku: string): Promise<{ product: Product; variant: Variant } | null>;
  listProducts(filter?: { status?: Product['status'] }): Promise<Product[]>;
  /**
   * Atomically adds `delta` to a variant's stock; returns the new level, or null when it would go
   * below zero and `allowNegative` is false. With `tx`, the change is part of that transaction.
   */
  adjustInventory(variantId: string, delta: number, options?: { allowNegative?: boolean; tx?: SqlExecutor }): Promise<number | null>;
  counts(): Promise<{ products: number; variants: number; active_products: number }>;
  /** Increases whenever any process changes products (not stock), so in-memory indexes know when to rebuild. */
  version(): Promise<number>;
  /** Every variant's stock level, by variant id. */
  stockLevels(): Promise<Map<string, number>>;
}

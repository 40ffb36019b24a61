import { cpuTurn } from '../platform/index.ts';
import type { CatalogRepository } from './repository.ts';
import { expandQuery } from './query-vocabulary.ts';
import { ProductIndex, summarize, type ProductQuery, type StockLevels } from './search.ts';
import type { ProductSummary } from './types.ts';

export interface CatalogServiceOptions {
  /** How old the stock levels shown in search results may be (checkout always checks live stock). */
  stockMaxAgeMs?: number;
  now?: () => number;
}

/** Catalog reads for the surfaces: ranked search over an index rebuilt whenever products change. */
export class CatalogService {
  private index: ProductIndex | null = null;
  private indexVersion = -1;
  private stock: StockLevels | null = null;
  private stockReadAt = 0;
  private readonly stockMaxAgeMs: number;
  private readonly now: () => number;

  constructor(readonly repository: CatalogRepository, readonly currency: string, private readonly synonyms: readonly (readonly string[])[] = [], options: CatalogServiceOptions = {}) {
    this.stockMaxAgeMs = options.stockMaxAgeMs ?? 1000;
    this.now = options.now ?? Date.now;
  }

  /**
   * The index is rebuilt only when products change. A sale moves only stock, which is re-read
   * (one light query) when the last reading is older than `stockMaxAgeMs`: a busy shop does not
   * re-index its catalog after every order, and a sold-out item leaves "in stock" results within
   * a second.
   */
  private async current(): Promise<{ index: ProductIndex; stock: StockLevels | null }> {
    const version = await this.repository.version();
    const now = this.now();
    if (!this.index || version !== this.indexVersion) {
      this.index = new ProductIndex(await this.repository.listProducts({ status: 'active' }), this.currency);
      this.indexVersion = version;
      this.stock = null;
      this.stockReadAt = now;
    } else if (now - this.stockReadAt >= this.stockMaxAgeMs) {
      this.stock = await this.repository.stockLevels();
      this.stockReadAt = now;
    }
    return { index: this.index, stock: this.stock };
  }

  async search(query: ProductQuery): Promise<ProductSummary[]> {
    const { index, stock } = await this.current();
    await cpuTurn();
    return index.search(query.q ? { ...query, q: expandQuery(query.q, this.synonyms) } : query, stock ?? undefined);
  }

  async get(id: string): Promise<ProductSummary | null> {
    const product = await this.repository.getProduct(id);
    return product && product.status === 'active' ? summarize(product, this.currency) : null;
  }
}

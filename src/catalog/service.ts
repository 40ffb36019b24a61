import { cpuTurn } from '../platform/index.ts';
import type { CatalogRepository } from './repository.ts';
import { expandQuery } from './query-vocabulary.ts';
import { ProductIndex, summarize, type ProductQuery, type StockLevels } from './search.ts';
import type { ProductSummary } from './types.ts';

/** Catalog reads for the surfaces: ranked search over an index rebuilt whenever the catalog changes. */
export class CatalogService {
  private index: ProductIndex | null = null;
  private indexVersion = -1;
  private stock: StockLevels | null = null;
  private stockVersion = -1;

  constructor(readonly repository: CatalogRepository, readonly currency: string, private readonly synonyms: readonly (readonly string[])[] = []) {}

  /**
   * The index is rebuilt only when products change; a sale only refreshes stock levels, so a
   * busy shop does not re-index its whole catalog after every order.
   */
  private async current(): Promise<{ index: ProductIndex; stock: StockLevels | null }> {
    const versions = await this.repository.versions();
    if (!this.index || versions.products !== this.indexVersion) {
      this.index = new ProductIndex(await this.repository.listProducts({ status: 'active' }), this.currency);
      this.indexVersion = versions.products;
      // The products were read after the versions, so their stock is at least this fresh.
      this.stock = null;
      this.stockVersion = versions.stock;
    } else if (versions.stock !== this.stockVersion) {
      this.stock = await this.repository.stockLevels();
      this.stockVersion = versions.stock;
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

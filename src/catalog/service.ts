import { cpuTurn } from '../platform/index.ts';
import type { CatalogRepository } from './repository.ts';
import { expandQuery } from './query-vocabulary.ts';
import { ProductIndex, summarize, type ProductQuery } from './search.ts';
import type { ProductSummary } from './types.ts';

/** Catalog reads for the surfaces: ranked search over an index rebuilt whenever the catalog changes. */
export class CatalogService {
  private index: ProductIndex | null = null;
  private indexVersion = -1;

  constructor(readonly repository: CatalogRepository, readonly currency: string, private readonly synonyms: readonly (readonly string[])[] = []) {}

  private async currentIndex(): Promise<ProductIndex> {
    const version = await this.repository.version();
    if (!this.index || version !== this.indexVersion) {
      this.index = new ProductIndex(await this.repository.listProducts({ status: 'active' }), this.currency);
      this.indexVersion = version;
    }
    return this.index;
  }

  async search(query: ProductQuery): Promise<ProductSummary[]> {
    const index = await this.currentIndex();
    await cpuTurn();
    return index.search(query.q ? { ...query, q: expandQuery(query.q, this.synonyms) } : query);
  }

  async get(id: string): Promise<ProductSummary | null> {
    const product = await this.repository.getProduct(id);
    return product && product.status === 'active' ? summarize(product, this.currency) : null;
  }
}

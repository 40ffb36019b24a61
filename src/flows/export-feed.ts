import { toFeedProducts } from '../catalog/index.ts';
import type { Config, Merchant } from '../config/index.ts';
import type { CatalogRepository } from '../catalog/index.ts';

/** The merchant's catalog as an ACP product feed (one Product object per JSONL line). */
export async function exportFeed(services: { catalogRepository: CatalogRepository; merchant: Merchant; config?: Config }): Promise<Array<Record<string, unknown>>> {
  const products = await services.catalogRepository.listProducts({ status: 'active' });
  const { profile } = services.merchant;
  return toFeedProducts(products, { name: profile.name, currency: profile.currency, links: profile.links });
}

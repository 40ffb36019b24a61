import type { CatalogRepository, CatalogService } from '../catalog/index.ts';
import type { Config, Merchant } from '../config/index.ts';
import type { ArticleRepository, KnowledgeBase } from '../knowledge/index.ts';
import type { OrdersRepository } from '../orders/index.ts';
import type { PaymentsPort } from '../payments/index.ts';
import type { Clock, Logger } from '../platform/index.ts';

/** The capabilities a flow may combine; the composition root (src/main.ts) builds one. */
export interface Services {
  config: Config;
  merchant: Merchant;
  logger: Logger;
  clock: Clock;
  catalog: CatalogService;
  catalogRepository: CatalogRepository;
  orders: OrdersRepository;
  articles: ArticleRepository;
  /** Help-center and product knowledge: hybrid search and cited answers. */
  knowledge: KnowledgeBase;
  payments: PaymentsPort;
}

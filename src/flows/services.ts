import type { CatalogRepository, CatalogService } from '../catalog/index.ts';
import type { CheckoutOutbox, CheckoutPayments, CheckoutService } from '../checkout/index.ts';
import type { Config, Merchant } from '../config/index.ts';
import type { ArticleRepository } from '../knowledge/index.ts';
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
  payments: PaymentsPort;
  checkout: CheckoutService;
  checkoutPayments: CheckoutPayments;
  checkoutOutbox: CheckoutOutbox;
}

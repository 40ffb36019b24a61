import type { CatalogRepository, CatalogService } from '../catalog/index.ts';
import type { CheckoutOutbox, CheckoutPayments, CheckoutService, DiscountUses } from '../checkout/index.ts';
import type { Config, Merchant } from '../config/index.ts';
import type { ArticleRepository, KnowledgeBase } from '../knowledge/index.ts';
import type { Escalations, WebhookOutbox } from '../escalations/index.ts';
import type { OrdersRepository, SqlOrderActions } from '../orders/index.ts';
import type { PaymentsPort } from '../payments/index.ts';
import type { AuditLog, Clock, Logger, RateLimiter, TokenSigner } from '../platform/index.ts';

/** The capabilities a flow may combine; the composition root (src/main.ts) builds one. */
export interface Services {
  /** Where shoppers and agents reach this server (links, continue_url); known once it listens. */
  baseUrl: () => string;
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
  // Post-sale support (issue 4):
  orderActions: SqlOrderActions;
  escalations: Escalations;
  /** Delivers escalation events to the helpdesk webhook; null when no URL is configured. */
  escalationWebhook: WebhookOutbox | null;
  audit: AuditLog;
  rateLimiter: RateLimiter;
  /** Signs and checks the short-lived customer tokens verify_customer issues. */
  customerTokens: TokenSigner;
  checkout: CheckoutService;
  checkoutPayments: CheckoutPayments;
  checkoutOutbox: CheckoutOutbox;
  /** Usage limits of discount codes, counted when an order is paid. */
  discountUses: DiscountUses;
}

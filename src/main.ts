import { join } from 'node:path';
import { AccountsService, accountsMigrations } from './accounts/index.ts';
import { CatalogService, SqliteCatalogRepository, catalogMigrations } from './catalog/index.ts';
import { loadMerchant, type Config } from './config/index.ts';
import { CheckoutOutbox, CheckoutPayments, CheckoutService, CheckoutStore, checkoutMigrations } from './checkout/index.ts';
import { checkoutCatalog, type Services } from './flows/index.ts';
import { acpMigrations } from './surfaces/acp/index.ts';
import { ConversationStore, assistantMigrations } from './assistant/index.ts';
import { SqliteArticleRepository, knowledgeMigrations } from './knowledge/index.ts';
import { SqliteOrderActions, SqliteOrdersRepository, ordersMigrations } from './orders/index.ts';
import { SqliteEscalations, WebhookOutbox, escalationsMigrations } from './escalations/index.ts';
import { StripePaymentsProvider, TestPaymentsProvider, paymentsMigrations } from './payments/index.ts';
import { createKnowledgeBase } from './knowledge-adapters.ts';
import { AuditLog, RateLimiter, TokenSigner, auditMigrations, createLogger, fixedClock, migrate, openSqlite, rateLimitMigrations, resolveSecret, sqliteSql, systemClock, type Clock, type Logger, type SqlDb, type SqliteDb } from './platform/index.ts';
import { createHmac } from 'node:crypto';

export const MIGRATIONS = [
  ...catalogMigrations, ...ordersMigrations, ...knowledgeMigrations, ...paymentsMigrations, ...auditMigrations, ...rateLimitMigrations,
  ...escalationsMigrations, ...checkoutMigrations, ...acpMigrations, ...assistantMigrations, ...accountsMigrations,
];

export interface Runtime extends Services {
  db: SqliteDb;
  /** The async SQL interface over the same database; every SqlDb user shares this one object. */
  sql: SqlDb;
  /** Chat conversations and their messages (the widget, and the console's replies). */
  conversations: ConversationStore;
  /** Support console accounts and sessions (only the console surface and the CLI use them). */
  accounts: AccountsService;
  /** Called by the HTTP server once it knows its address (port 0 picks one). */
  setBaseUrl(url: string): void;
  close(): void;
}

export interface RuntimeOptions {
  logger?: Logger;
  clock?: Clock;
}

/** The composition root: config -> storage -> capabilities. Surfaces are added by the server. */
export function createRuntime(config: Config, options: RuntimeOptions = {}): Runtime {
  const merchant = loadMerchant(config.merchantDir);
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const db = openSqlite(join(config.dataDir, 'shopkeeper.db'));
  // The one SqlDb of this process: its queue keeps every statement out of others' transactions.
  const sql = sqliteSql(db);
  const ran = migrate(db, MIGRATIONS);
  if (ran.length > 0) logger.debug({ migrations: ran }, 'applied migrations');
  const catalogRepository = new SqliteCatalogRepository(db);
  const orders = new SqliteOrdersRepository(db);
  const secret = resolveSecret(config.secret, config.dataDir);
  const webhookSecret = config.escalationWebhookSecret ?? createHmac('sha256', secret).update('shopkeeper:escalation-webhook').digest('base64url');
  const clock = options.clock ?? (config.now ? fixedClock(config.now) : systemClock);
  const checkoutStore = new CheckoutStore(sql);
  const checkout = new CheckoutService(checkoutStore, checkoutCatalog(catalogRepository), merchant.profile, clock);
  let baseUrl = (config.publicUrl ?? `http://${config.host}:${config.port}`).replace(/\/$/, '');
  return {
    baseUrl: () => baseUrl,
    setBaseUrl: (url: string) => {
      if (!config.publicUrl) baseUrl = url.replace(/\/$/, '');
    },
    config,
    merchant,
    logger,
    clock,
    db,
    sql,
    conversations: new ConversationStore(db, clock),
    accounts: new AccountsService(db, clock),
    catalogRepository,
    catalog: new CatalogService(catalogRepository, merchant.profile.currency, merchant.profile.synonyms),
    orders,
    orderActions: new SqliteOrderActions(db, orders),
    escalations: new SqliteEscalations(db),
    escalationWebhook: config.escalationWebhookUrl ? new WebhookOutbox(db, { url: config.escalationWebhookUrl, secret: webhookSecret, logger }) : null,
    audit: new AuditLog(db),
    rateLimiter: new RateLimiter(db),
    customerTokens: new TokenSigner(secret, 'customer-token'),
    articles: new SqliteArticleRepository(db),
    knowledge: createKnowledgeBase(config, merchant, db),
    payments: config.stripeSecretKey
      ? new StripePaymentsProvider({ secretKey: config.stripeSecretKey, webhookSecret: config.stripeWebhookSecret })
      : new TestPaymentsProvider(sql),
    checkout,
    checkoutPayments: new CheckoutPayments(checkout, checkoutStore, clock),
    checkoutOutbox: new CheckoutOutbox(sql),
    close: () => db.close(),
  };
}

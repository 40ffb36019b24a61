import { createHmac } from 'node:crypto';
import { AccountsService, accountsMigrations } from './accounts/index.ts';
import { CatalogService, catalogMigrations, catalogRepositoryFor } from './catalog/index.ts';
import { loadMerchant, type Config } from './config/index.ts';
import { CheckoutOutbox, CheckoutPayments, CheckoutService, CheckoutStore, DiscountUses, checkoutMigrations } from './checkout/index.ts';
import { checkoutCatalog, type Services } from './flows/index.ts';
import { acpMigrations } from './surfaces/acp/index.ts';
import { ConversationStore, assistantMigrations } from './assistant/index.ts';
import { SqlArticleRepository, knowledgeMigrations } from './knowledge/index.ts';
import { SqlOrderActions, SqlOrdersRepository, ordersMigrations } from './orders/index.ts';
import { SqlEscalations, WebhookOutbox, escalationsMigrations } from './escalations/index.ts';
import { StripePaymentsProvider, TestPaymentsProvider, paymentsMigrations } from './payments/index.ts';
import { createKnowledgeBase } from './knowledge-adapters.ts';
import { AuditLog, RateLimiter, TokenSigner, auditMigrations, createLogger, pinnedClock, openStorage, rateLimitMigrations, resolveSecret, systemClock, type Clock, type Logger, type SqlDb, type Storage } from './platform/index.ts';

export const MIGRATIONS = [
  ...catalogMigrations, ...ordersMigrations, ...knowledgeMigrations, ...paymentsMigrations, ...auditMigrations, ...rateLimitMigrations,
  ...escalationsMigrations, ...checkoutMigrations, ...acpMigrations, ...assistantMigrations, ...accountsMigrations,
];

export interface Runtime extends Services {
  /** The one SQL interface of this process: every repository shares it (on SQLite its queue keeps statements out of each other's transactions). */
  sql: SqlDb;
  /** The database behind `sql`: the embedded SQLite file, or PostgreSQL when DATABASE_URL is set. */
  storage: Storage;
  /** Chat conversations and their messages (the widget, and the console's replies). */
  conversations: ConversationStore;
  /** Support console accounts and sessions (only the console surface and the CLI use them). */
  accounts: AccountsService;
  /** Called by the HTTP server once it knows its address (port 0 picks one). */
  setBaseUrl(url: string): void;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  logger?: Logger;
  clock?: Clock;
}

/** The composition root: config -> storage -> capabilities. Surfaces are added by the server. */
export async function createRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const merchant = loadMerchant(config.merchantDir);
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const storage = openStorage({ dataDir: config.dataDir, ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}) });
  try {
    const ran = await storage.migrate(MIGRATIONS);
    if (ran.length > 0) logger.debug({ migrations: ran, database: storage.sql.dialect }, 'applied migrations');
  } catch (error) {
    await storage.close().catch(() => undefined);
    throw error;
  }
  const sql = storage.sql;
  const catalogRepository = catalogRepositoryFor(storage);
  const orders = new SqlOrdersRepository(sql);
  const secret = resolveSecret(config.secret, config.dataDir);
  const webhookSecret = config.escalationWebhookSecret ?? createHmac('sha256', secret).update('shopkeeper:escalation-webhook').digest('base64url');
  const clock = options.clock ?? (config.now ? pinnedClock(config.now) : systemClock);
  const checkoutStore = new CheckoutStore(sql);
  const knowledge = createKnowledgeBase(config, merchant, sql);
  const checkout = new CheckoutService(checkoutStore, checkoutCatalog(catalogRepository), merchant.profile, clock,
    { holdTtlMs: config.checkoutHoldTtlMs, maxOpenSessions: config.checkoutMaxOpenSessions });
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
    sql,
    storage,
    conversations: new ConversationStore(sql, clock),
    accounts: new AccountsService(sql, clock),
    catalogRepository,
    catalog: new CatalogService(catalogRepository, merchant.profile.currency, merchant.profile.synonyms),
    orders,
    orderActions: new SqlOrderActions(sql, orders),
    escalations: new SqlEscalations(sql),
    escalationWebhook: config.escalationWebhookUrl ? new WebhookOutbox(sql, { url: config.escalationWebhookUrl, secret: webhookSecret, logger }) : null,
    audit: new AuditLog(sql),
    rateLimiter: new RateLimiter(sql),
    customerTokens: new TokenSigner(secret, 'customer-token'),
    articles: new SqlArticleRepository(sql),
    knowledge: knowledge.knowledge,
    payments: config.stripeSecretKey
      ? new StripePaymentsProvider({ secretKey: config.stripeSecretKey, webhookSecret: config.stripeWebhookSecret, ...stripeEndpoint(config.stripeApiBase) })
      : new TestPaymentsProvider(sql),
    checkout,
    checkoutPayments: new CheckoutPayments(checkout, checkoutStore, clock, config.checkoutClaimTimeoutMs),
    checkoutOutbox: new CheckoutOutbox(sql),
    discountUses: new DiscountUses(sql),
    close: async () => {
      await knowledge.close();
      await storage.close();
    },
  };
}

/** STRIPE_API_BASE as the SDK's host/port/protocol options (tests point it at a local Stripe). */
function stripeEndpoint(base: string | undefined): { host?: string; port?: number; protocol?: 'http' | 'https' } {
  if (!base) return {};
  const url = new URL(base);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: url.port ? Number(url.port) : protocol === 'http' ? 80 : 443, protocol };
}

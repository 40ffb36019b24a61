import { join } from 'node:path';
import { AccountsService, accountsMigrations } from './accounts/index.ts';
import { CatalogService, SqliteCatalogRepository, catalogMigrations } from './catalog/index.ts';
import { loadMerchant, type Config } from './config/index.ts';
import type { Services } from './flows/index.ts';
import { SqliteArticleRepository, knowledgeMigrations } from './knowledge/index.ts';
import { SqliteOrdersRepository, ordersMigrations } from './orders/index.ts';
import { TestPaymentsProvider, paymentsMigrations } from './payments/index.ts';
import { createLogger, migrate, openSqlite, systemClock, type Clock, type Logger, type SqliteDb } from './platform/index.ts';

export const MIGRATIONS = [...catalogMigrations, ...ordersMigrations, ...knowledgeMigrations, ...paymentsMigrations, ...accountsMigrations];

export interface Runtime extends Services {
  db: SqliteDb;
  /** Support console accounts and sessions (only the console surface and the CLI use them). */
  accounts: AccountsService;
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
  const ran = migrate(db, MIGRATIONS);
  if (ran.length > 0) logger.debug({ migrations: ran }, 'applied migrations');
  const catalogRepository = new SqliteCatalogRepository(db);
  const clock = options.clock ?? systemClock;
  return {
    config,
    merchant,
    logger,
    clock,
    db,
    accounts: new AccountsService(db, clock),
    catalogRepository,
    catalog: new CatalogService(catalogRepository, merchant.profile.currency, merchant.profile.synonyms),
    orders: new SqliteOrdersRepository(db),
    articles: new SqliteArticleRepository(db),
    // The Stripe adapter is chosen here when STRIPE_SECRET_KEY is set (checkout issue).
    payments: new TestPaymentsProvider(db),
    close: () => db.close(),
  };
}

import { loadConfig } from '../../src/config/index.ts';
import { createLogger } from '../../src/platform/index.ts';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server.ts';
import { DEMO_MERCHANT, tempDir } from './paths.ts';
import { freshPostgresDatabase, POSTGRES_SKIP_REASON } from './postgres.ts';

/**
 * `SHOPKEEPER_TEST_DATABASE=postgres` runs every test server on its own fresh PostgreSQL database
 * instead of a SQLite file (`npm run test:postgres`): the same HTTP, MCP and ACP tests then
 * check the PostgreSQL repositories end to end.
 */
const onPostgres = process.env.SHOPKEEPER_TEST_DATABASE === 'postgres';

/** Starts the real server on port 0 with a fresh database; `stop` closes it and removes the data. */
export async function startTestServer(options: { merchant?: string; env?: Record<string, string>; server?: ServerOptions } = {}): Promise<RunningServer & { stop: () => Promise<void> }> {
  const data = tempDir();
  const postgres = onPostgres && !options.env?.DATABASE_URL ? await freshPostgresDatabase() : null;
  if (onPostgres && !options.env?.DATABASE_URL && !postgres) throw new Error(POSTGRES_SKIP_REASON);
  const database = postgres ? { DATABASE_URL: postgres.url, SHOPKEEPER_SECRET: 'test-secret-shared-by-replicas-0123456789' } : {};
  const config = loadConfig({ env: { LOG_LEVEL: 'silent', ...database, ...options.env }, flags: { merchant: options.merchant ?? DEMO_MERCHANT, data: data.path, port: '0' } });
  const server = await startServer(config, { logger: createLogger({ level: 'silent' }), ...options.server });
  return Object.assign(server, {
    stop: async () => {
      await server.close();
      await postgres?.drop();
      data.cleanup();
    },
  });
}

import { dirname } from 'node:path';
import { afterAll } from 'vitest';
import { openStorage, type Storage } from '../../src/platform/index.ts';

const extra: Storage[] = [];
afterAll(async () => {
  for (const storage of extra.splice(0)) await storage.close().catch(() => undefined);
});

/**
 * A second Storage on the same database as `storage` (another replica, or the CLI beside the
 * server): the same SQLite file through its own connection, or the same PostgreSQL database
 * through its own pool. Closed after the file's tests.
 */
export function secondStorage(storage: Storage): Storage {
  const other = storage.sqlite
    ? openStorage({ dataDir: dirname(storage.sqlite.name) })
    : openStorage({ databaseUrl: (storage.pool as unknown as { options: { connectionString: string } }).options.connectionString, dataDir: '', poolSize: 8 });
  extra.push(other);
  return other;
}

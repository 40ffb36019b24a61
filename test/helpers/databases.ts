import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { openStorage, type Migration, type Storage } from '../../src/platform/index.ts';
import { freshPostgresDatabase, POSTGRES_SKIP_REASON } from './postgres.ts';

export type OpenStorage = () => Promise<Storage>;

/**
 * Runs one contract suite on the embedded SQLite file and on PostgreSQL (a fresh database for the
 * file; each `open()` starts from an empty, migrated schema). Without a PostgreSQL server the
 * PostgreSQL half is skipped with the reason.
 */
export async function onEveryDatabase(title: string, migrations: readonly Migration[], suite: (open: OpenStorage) => void): Promise<void> {
  const dirs: string[] = [];
  const opened: Storage[] = [];
  let drop = async () => {};
  afterAll(async () => {
    for (const storage of opened.splice(0)) await storage.close().catch(() => undefined);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    await drop();
  });
  describe(`${title} on SQLite`, () => suite(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shopkeeper-contract-'));
    dirs.push(dir);
    const storage = openStorage({ dataDir: dir });
    opened.push(storage);
    await storage.migrate(migrations);
    return storage;
  }));
  const postgres = await freshPostgresDatabase();
  if (!postgres) {
    describe(`${title} on PostgreSQL`, () => it.skip(POSTGRES_SKIP_REASON, () => {}));
    return;
  }
  drop = postgres.drop;
  describe(`${title} on PostgreSQL`, () => suite(async () => {
    // Earlier storages keep their pools until the end; the schema is reset under them.
    const storage = openStorage({ databaseUrl: postgres.url, dataDir: '', poolSize: 8 });
    opened.push(storage);
    await storage.sql.run('DROP SCHEMA public CASCADE');
    await storage.sql.run('CREATE SCHEMA public');
    await storage.migrate(migrations);
    return storage;
  }));
}

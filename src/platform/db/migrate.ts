import type { SqliteDb } from './sqlite.ts';

/** One schema step. `id` sorts the steps of a capability (`catalog/001-products`). */
export interface Migration {
  id: string;
  sqlite: string;
  /** The same step for PostgreSQL; a capability without one is not yet available on PostgreSQL. */
  postgres?: string;
}

/**
 * Applies every migration not yet recorded, each in its own transaction, in the order given.
 * Capabilities own their migrations; the composition root concatenates them.
 */
export function migrate(db: SqliteDb, migrations: readonly Migration[]): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id TEXT PRIMARY KEY,
    applied_at TEXT NOT NULL
  )`);
  const applied = new Set(
    (db.prepare('SELECT id FROM schema_migrations').all() as { id: string }[]).map((row) => row.id),
  );
  const ran: string[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.id)) continue;
    db.transaction(() => {
      db.exec(migration.sqlite);
      db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)').run(migration.id, new Date().toISOString());
    })();
    ran.push(migration.id);
  }
  return ran;
}

import { checkOut, migratePostgres, type PgPool } from '../../platform/db/postgres.ts';
import type { Migration } from '../../platform/db/migrate.ts';
import type { VectorFilter, VectorIndexPort, VectorMatch, VectorMetadata, VectorRecord } from './port.ts';

export interface PgVectorOptions {
  pool: PgPool;
  /** The merchant: several merchants can share one table, as they share one Pinecone index. */
  namespace: string;
  dimensions: number;
}

const COLUMNS: ReadonlySet<string> = new Set<keyof VectorMetadata>(['doc_id', 'locale', 'kind', 'section', 'product_id']);
// pgvector's HNSW index accepts at most 2,000 dimensions for the `vector` type.
const HNSW_MAX_DIMENSIONS = 2_000;
// 7 parameters a row stays far below PostgreSQL's 65,535 bind parameters per statement.
const UPSERT_BATCH = 500;

/**
 * One table per dimension count (`knowledge_vectors_N`), since `vector(N)` fixes it: switching
 * embedders then never mixes incompatible vectors in one column.
 */
export function pgvectorMigrations(dimensions: number): Migration[] {
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > 16_000) throw new Error(`pgvector: unsupported dimensions ${dimensions}`);
  const table = `knowledge_vectors_${dimensions}`;
  return [{
    id: `knowledge/pgvector-${dimensions}-001`,
    // There is no SQLite version of this capability; the embedded index serves SQLite.
    sqlite: '',
    postgres: `
      CREATE EXTENSION IF NOT EXISTS vector;
      CREATE TABLE IF NOT EXISTS ${table} (
        namespace TEXT NOT NULL,
        id TEXT NOT NULL,
        embedding vector(${dimensions}) NOT NULL,
        doc_id TEXT NOT NULL,
        locale TEXT NOT NULL,
        kind TEXT NOT NULL,
        section TEXT NOT NULL,
        product_id TEXT,
        PRIMARY KEY (namespace, id)
      );
      ${dimensions <= HNSW_MAX_DIMENSIONS ? `CREATE INDEX IF NOT EXISTS ${table}_hnsw ON ${table} USING hnsw (embedding vector_cosine_ops);` : ''}
    `,
  }];
}

/** pgvector's text input format; Float32 values print exactly as JavaScript numbers. */
function literal(values: Float32Array): string {
  return `[${Array.from(values).join(',')}]`;
}

/** Equality / any-of filters as parameterised SQL; columns come from a fixed list, never input. */
export function pgvectorWhere(filter: VectorFilter | undefined, locale: string | undefined, params: unknown[]): string[] {
  const clauses: string[] = [];
  const add = (column: string, wanted: string | string[]) => {
    if (!COLUMNS.has(column)) throw new Error(`pgvector: unknown filter field ${column}`);
    params.push(wanted);
    clauses.push(Array.isArray(wanted) ? `${column} = ANY($${params.length}::text[])` : `${column} = $${params.length}`);
  };
  for (const [key, wanted] of Object.entries(filter ?? {})) if (wanted !== undefined) add(key, wanted);
  if (locale !== undefined) add('locale', locale);
  return clauses;
}

/**
 * PostgreSQL with the pgvector extension as the vector index (cosine distance, HNSW). Durable
 * and shared by replicas, unlike the embedded index. The table is created on first use, so the
 * index can be built synchronously in the composition root.
 */
export class PgVectorIndex implements VectorIndexPort {
  readonly name = 'pgvector';
  private readonly table: string;
  private ready: Promise<{ iterativeScan: boolean }> | undefined;

  constructor(private readonly options: PgVectorOptions) {
    // Validates `dimensions` before it becomes part of a table name.
    pgvectorMigrations(options.dimensions);
    this.table = `knowledge_vectors_${options.dimensions}`;
  }

  /** Runs the migration once; a failure is retried on the next call instead of being cached. */
  migrate(): Promise<{ iterativeScan: boolean }> {
    this.ready ??= (async () => {
      await migratePostgres(this.options.pool, pgvectorMigrations(this.options.dimensions));
      const { rows } = await this.options.pool.query<{ version: string }>(`SELECT extversion AS version FROM pg_extension WHERE extname = 'vector'`);
      const [major = 0, minor = 0] = (rows[0]?.version ?? '0').split('.').map(Number);
      // Iterative index scans arrived in pgvector 0.8; older versions reject the setting's name.
      return { iterativeScan: major > 0 || minor >= 8 };
    })().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  async upsert(records: readonly VectorRecord[]): Promise<void> {
    await this.migrate();
    // One statement may not update the same row twice, so a repeated id keeps its last record.
    const latest = [...new Map(records.map((record) => [record.id, record])).values()];
    for (const record of latest) {
      if (record.values.length !== this.options.dimensions) throw new Error(`pgvector: ${record.id} has ${record.values.length} dimensions, expected ${this.options.dimensions}`);
    }
    for (let start = 0; start < latest.length; start += UPSERT_BATCH) {
      const params: unknown[] = [this.options.namespace];
      const rows = latest.slice(start, start + UPSERT_BATCH).map((record) => {
        const { doc_id, locale, kind, section, product_id } = record.metadata;
        params.push(record.id, literal(record.values), doc_id, locale, kind, section, product_id);
        const at = params.length - 6;
        return `($1, $${at}, $${at + 1}::vector, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6})`;
      });
      await this.options.pool.query(
        `INSERT INTO ${this.table} (namespace, id, embedding, doc_id, locale, kind, section, product_id) VALUES ${rows.join(', ')}
         ON CONFLICT (namespace, id) DO UPDATE SET embedding = EXCLUDED.embedding, doc_id = EXCLUDED.doc_id, locale = EXCLUDED.locale,
           kind = EXCLUDED.kind, section = EXCLUDED.section, product_id = EXCLUDED.product_id`,
        params,
      );
    }
  }

  async delete(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.migrate();
    await this.options.pool.query(`DELETE FROM ${this.table} WHERE namespace = $1 AND id = ANY($2::text[])`, [this.options.namespace, [...ids]]);
  }

  async query(vector: Float32Array, options: { topK: number; filter?: VectorFilter; locale?: string }): Promise<VectorMatch[]> {
    if (options.topK <= 0) return [];
    const { iterativeScan } = await this.migrate();
    const params: unknown[] = [literal(vector), this.options.namespace];
    const where = ['namespace = $2', ...pgvectorWhere(options.filter, options.locale, params)];
    params.push(options.topK);
    const { client, release } = await checkOut(this.options.pool);
    try {
      // HNSW yields at most ef_search rows (40 by default) before the WHERE clause (namespace,
      // filters) drops some, so a large topK or a selective filter would silently get fewer
      // matches than exist. A wider search helps; pgvector 0.8's iterative scan removes the limit.
      await client.query('BEGIN');
      await client.query(
        `SELECT set_config('hnsw.ef_search', $1, true)${iterativeScan ? `, set_config('hnsw.iterative_scan', 'strict_order', true)` : ''}`,
        [String(Math.min(1_000, Math.max(40, options.topK * 4)))],
      );
      const { rows } = await client.query<{ id: string; distance: number }>(
        `SELECT id, embedding <=> $1::vector AS distance FROM ${this.table} WHERE ${where.join(' AND ')} ORDER BY embedding <=> $1::vector LIMIT $${params.length}`,
        params,
      );
      await client.query('COMMIT');
      return rows.map((row) => ({ id: row.id, score: 1 - Number(row.distance) }));
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      release();
    }
  }

  async size(): Promise<number> {
    await this.migrate();
    const { rows } = await this.options.pool.query<{ count: string | number }>(`SELECT count(*) AS count FROM ${this.table} WHERE namespace = $1`, [this.options.namespace]);
    return Number(rows[0]!.count);
  }
}

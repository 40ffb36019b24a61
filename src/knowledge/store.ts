import type { SqlDb, SqlExecutor, SqlParam } from '../platform/index.ts';
import type { Chunk } from './types-index.ts';

export const docKey = (document: { kind: string; id: string; locale: string }) => `${document.kind}:${document.id}:${document.locale}`;

/** Rows per multi-row statement: one round trip per batch instead of per passage (PostgreSQL over the network). */
const BATCH = 200;

function batches<T>(items: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

const placeholders = (rows: number, columns: number) => Array.from({ length: rows }, () => `(${Array(columns).fill('?').join(', ')})`).join(', ');

/** A copy, so the vector owns an aligned buffer (a driver's Buffer may be a slice of a shared pool). */
const toVector = (blob: Buffer) => new Float32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
const toBlob = (vector: Float32Array) => Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);

/**
 * The persisted side of the knowledge index: which documents were ingested (by hash), their
 * passages, and embeddings cached by (content hash, model), so re-ingesting unchanged documents
 * and restarting the server embed nothing. Reads and writes go in bulk: the server loads every
 * passage and embedding at start.
 */
export class KnowledgeStore {
  constructor(private readonly db: SqlDb) {}

  async documentHashes(): Promise<Map<string, string>> {
    const rows = await this.db.all<{ doc_key: string; doc_hash: string }>('SELECT doc_key, doc_hash FROM knowledge_documents');
    return new Map(rows.map((row) => [row.doc_key, row.doc_hash]));
  }

  /** Replaces the passages of changed documents and removes deleted ones, in one transaction. */
  async apply(changes: { put: Array<{ key: string; hash: string; chunks: Chunk[] }>; remove: string[] }): Promise<void> {
    // Chunk ids embed their document key, so one id never comes from two documents; the map only guards a repeated id.
    const chunks = new Map<string, SqlParam[]>();
    for (const document of changes.put) {
      document.chunks.forEach((chunk, position) => chunks.set(chunk.id, [chunk.id, document.key, position, JSON.stringify(chunk), chunk.content_hash]));
    }
    await this.db.transaction(async (tx) => {
      const keys = [...changes.remove, ...changes.put.map((document) => document.key)];
      for (const batch of batches(keys)) await tx.run(`DELETE FROM knowledge_chunks WHERE doc_key IN (${batch.map(() => '?').join(', ')})`, batch);
      for (const batch of batches(changes.remove)) await tx.run(`DELETE FROM knowledge_documents WHERE doc_key IN (${batch.map(() => '?').join(', ')})`, batch);
      for (const batch of batches([...chunks.values()])) {
        await tx.run(`INSERT INTO knowledge_chunks (id, doc_key, position, data, content_hash) VALUES ${placeholders(batch.length, 5)}
          ON CONFLICT (id) DO UPDATE SET doc_key = excluded.doc_key, position = excluded.position, data = excluded.data, content_hash = excluded.content_hash`, batch.flat());
      }
      for (const batch of batches(changes.put)) {
        await tx.run(`INSERT INTO knowledge_documents (doc_key, doc_hash) VALUES ${placeholders(batch.length, 2)}
          ON CONFLICT (doc_key) DO UPDATE SET doc_hash = excluded.doc_hash`, batch.flatMap((document) => [document.key, document.hash]));
      }
    });
  }

  async chunks(): Promise<Chunk[]> {
    const rows = await this.db.all<{ data: string }>('SELECT data FROM knowledge_chunks ORDER BY doc_key, position');
    return rows.map((row) => JSON.parse(row.data) as Chunk);
  }

  async chunkIds(docKeys: readonly string[]): Promise<string[]> {
    const rows: Array<{ id: string; doc_key: string; position: number }> = [];
    for (const batch of batches(docKeys)) {
      rows.push(...await this.db.all<{ id: string; doc_key: string; position: number }>(
        `SELECT id, doc_key, position FROM knowledge_chunks WHERE doc_key IN (${batch.map(() => '?').join(', ')})`, batch));
    }
    // In the order asked: the vector index fills holes in deletion order, which decides ties in search.
    const order = new Map(docKeys.map((key, index) => [key, index]));
    return rows.sort((a, b) => order.get(a.doc_key)! - order.get(b.doc_key)! || a.position - b.position).map((row) => row.id);
  }

  async cachedEmbeddings(model: string, hashes: readonly string[]): Promise<Map<string, Float32Array>> {
    const found = new Map<string, Float32Array>();
    // Loading many (server start) is one scan of the model's rows instead of batched lookups: pruning
    // keeps that table to the passages in use, and on PostgreSQL one scan took half the time of three batches.
    if (hashes.length > 500) {
      const wanted = new Set(hashes);
      for (const row of await this.db.all<{ content_hash: string; vector: Buffer }>('SELECT content_hash, vector FROM knowledge_embeddings WHERE model = ?', [model])) {
        if (wanted.has(row.content_hash)) found.set(row.content_hash, toVector(row.vector));
      }
      return found;
    }
    for (const batch of batches([...new Set(hashes)])) {
      const rows = await this.db.all<{ content_hash: string; vector: Buffer }>(
        `SELECT content_hash, vector FROM knowledge_embeddings WHERE model = ? AND content_hash IN (${batch.map(() => '?').join(', ')})`, [model, ...batch]);
      for (const row of rows) found.set(row.content_hash, toVector(row.vector));
    }
    return found;
  }

  async saveEmbeddings(model: string, vectors: ReadonlyMap<string, Float32Array>): Promise<void> {
    await this.db.transaction(async (tx: SqlExecutor) => {
      for (const batch of batches([...vectors])) {
        await tx.run(`INSERT INTO knowledge_embeddings (content_hash, model, vector) VALUES ${placeholders(batch.length, 3)}
          ON CONFLICT (content_hash, model) DO UPDATE SET vector = excluded.vector`, batch.flatMap(([hash, vector]) => [hash, model, toBlob(vector)]));
      }
    });
  }

  /** Embeddings no passage uses any more (old models, deleted passages) are dropped. */
  async pruneEmbeddings(model: string): Promise<number> {
    return this.db.run('DELETE FROM knowledge_embeddings WHERE model <> ? OR content_hash NOT IN (SELECT content_hash FROM knowledge_chunks)', [model]);
  }

  async getState<T>(key: string): Promise<T | null> {
    const row = await this.db.get<{ value: string }>('SELECT value FROM knowledge_state WHERE key = ?', [key]);
    return row === undefined ? null : (JSON.parse(row.value) as T);
  }

  async setState(key: string, value: unknown): Promise<void> {
    await this.db.run('INSERT INTO knowledge_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, JSON.stringify(value)]);
  }

  async getSnapshot(key: string): Promise<Buffer | null> {
    const row = await this.db.get<{ data: Buffer }>('SELECT data FROM knowledge_snapshots WHERE key = ?', [key]);
    return row?.data ?? null;
  }

  async setSnapshot(key: string, data: Buffer): Promise<void> {
    await this.db.run('INSERT INTO knowledge_snapshots (key, data) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET data = excluded.data', [key, data]);
  }
}

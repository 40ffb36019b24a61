import type { SqliteDb } from '../platform/index.ts';
import type { Chunk } from './types-index.ts';

export const docKey = (document: { kind: string; id: string; locale: string }) => `${document.kind}:${document.id}:${document.locale}`;

/**
 * The persisted side of the knowledge index: which documents were ingested (by hash), their
 * passages, and embeddings cached by (content hash, model), so re-ingesting unchanged documents
 * and restarting the server embed nothing.
 */
export class KnowledgeStore {
  constructor(private readonly db: SqliteDb) {}

  documentHashes(): Map<string, string> {
    return new Map((this.db.prepare('SELECT doc_key, doc_hash FROM knowledge_documents').all() as { doc_key: string; doc_hash: string }[])
      .map((row) => [row.doc_key, row.doc_hash]));
  }

  /** Replaces the passages of changed documents and removes deleted ones, in one transaction. */
  apply(changes: { put: Array<{ key: string; hash: string; chunks: Chunk[] }>; remove: string[] }): void {
    const deleteChunks = this.db.prepare('DELETE FROM knowledge_chunks WHERE doc_key = ?');
    const deleteDoc = this.db.prepare('DELETE FROM knowledge_documents WHERE doc_key = ?');
    const putDoc = this.db.prepare('INSERT INTO knowledge_documents (doc_key, doc_hash) VALUES (?, ?) ON CONFLICT (doc_key) DO UPDATE SET doc_hash = excluded.doc_hash');
    const putChunk = this.db.prepare('INSERT OR REPLACE INTO knowledge_chunks (id, doc_key, position, data, content_hash) VALUES (?, ?, ?, ?, ?)');
    this.db.transaction(() => {
      for (const key of changes.remove) {
        deleteChunks.run(key);
        deleteDoc.run(key);
      }
      for (const document of changes.put) {
        deleteChunks.run(document.key);
        document.chunks.forEach((chunk, position) => putChunk.run(chunk.id, document.key, position, JSON.stringify(chunk), chunk.content_hash));
        putDoc.run(document.key, document.hash);
      }
    })();
  }

  chunks(): Chunk[] {
    return (this.db.prepare('SELECT data FROM knowledge_chunks ORDER BY doc_key, position').all() as { data: string }[]).map((row) => JSON.parse(row.data) as Chunk);
  }

  chunkIds(docKeys: readonly string[]): string[] {
    const select = this.db.prepare('SELECT id FROM knowledge_chunks WHERE doc_key = ?');
    return docKeys.flatMap((key) => (select.all(key) as { id: string }[]).map((row) => row.id));
  }

  cachedEmbeddings(model: string, hashes: readonly string[]): Map<string, Float32Array> {
    // Loading everything (server start) is one scan instead of one lookup per passage.
    if (hashes.length > 2000) {
      const wanted = new Set(hashes);
      const found = new Map<string, Float32Array>();
      for (const row of this.db.prepare('SELECT content_hash, vector FROM knowledge_embeddings WHERE model = ?').iterate(model) as Iterable<{ content_hash: string; vector: Buffer }>) {
        if (wanted.has(row.content_hash)) found.set(row.content_hash, new Float32Array(row.vector.buffer.slice(row.vector.byteOffset, row.vector.byteOffset + row.vector.byteLength)));
      }
      return found;
    }
    const select = this.db.prepare('SELECT vector FROM knowledge_embeddings WHERE content_hash = ? AND model = ?').pluck();
    const found = new Map<string, Float32Array>();
    for (const hash of hashes) {
      const blob = select.get(hash, model) as Buffer | undefined;
      if (blob) found.set(hash, new Float32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength)));
    }
    return found;
  }

  saveEmbeddings(model: string, vectors: ReadonlyMap<string, Float32Array>): void {
    const insert = this.db.prepare('INSERT OR REPLACE INTO knowledge_embeddings (content_hash, model, vector) VALUES (?, ?, ?)');
    this.db.transaction(() => {
      for (const [hash, vector] of vectors) insert.run(hash, model, Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength));
    })();
  }

  /** Embeddings no passage uses any more (old models, deleted passages) are dropped. */
  pruneEmbeddings(model: string): number {
    return this.db.prepare('DELETE FROM knowledge_embeddings WHERE model != ? OR content_hash NOT IN (SELECT content_hash FROM knowledge_chunks)').run(model).changes;
  }

  getState<T>(key: string): T | null {
    const row = this.db.prepare('SELECT value FROM knowledge_state WHERE key = ?').pluck().get(key) as string | undefined;
    return row === undefined ? null : (JSON.parse(row) as T);
  }

  setState(key: string, value: unknown): void {
    this.db.prepare('INSERT INTO knowledge_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
  }
}

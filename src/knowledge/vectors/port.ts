/** Metadata every vector carries, so an external index can filter without our database. */
export interface VectorMetadata {
  doc_id: string;
  locale: string;
  kind: 'article' | 'product';
  section: string;
  product_id: string | null;
}

export interface VectorRecord { id: string; values: Float32Array; metadata: VectorMetadata }

/** Equality filters on metadata; several values for one field mean "any of". */
export type VectorFilter = Partial<{ [K in keyof VectorMetadata]: string | string[] }>;

export interface VectorMatch { id: string; score: number }

/**
 * A nearest-neighbour index over unit vectors (score = cosine similarity). `namespace` separates
 * merchants and locales in shared indexes; the embedded index keeps one per process.
 */
export interface VectorIndexPort {
  readonly name: string;
  upsert(records: readonly VectorRecord[]): Promise<void>;
  delete(ids: readonly string[]): Promise<void>;
  query(vector: Float32Array, options: { topK: number; filter?: VectorFilter; locale?: string }): Promise<VectorMatch[]>;
  size(): Promise<number>;
}

export function matchesFilter(metadata: VectorMetadata, filter: VectorFilter | undefined): boolean {
  if (!filter) return true;
  for (const [key, wanted] of Object.entries(filter)) {
    if (wanted === undefined) continue;
    const value = metadata[key as keyof VectorMetadata];
    if (Array.isArray(wanted) ? !wanted.includes(String(value)) : String(value) !== wanted) return false;
  }
  return true;
}

import { matchesFilter, type VectorFilter, type VectorIndexPort, type VectorMatch, type VectorMetadata, type VectorRecord } from './port.ts';

/**
 * The in-process index: all vectors in one contiguous Float32Array scanned with a tight dot-product
 * loop. Exact search; at 100k passages x 512 dimensions a scan is tens of milliseconds on one core,
 * which is why the hybrid search only scans the locale's rows. Its contents are persisted as
 * embeddings in the database and loaded back in one query at start.
 */
export class EmbeddedVectorIndex implements VectorIndexPort {
  readonly name = 'embedded';
  private matrix: Float32Array;
  private ids: string[] = [];
  private metadata: VectorMetadata[] = [];
  private readonly slot = new Map<string, number>();

  constructor(readonly dimensions: number, capacity = 1024) {
    this.matrix = new Float32Array(dimensions * capacity);
  }

  async upsert(records: readonly VectorRecord[]): Promise<void> {
    for (const record of records) {
      let row = this.slot.get(record.id);
      if (row === undefined) {
        row = this.ids.length;
        if ((row + 1) * this.dimensions > this.matrix.length) {
          const grown = new Float32Array(Math.max(this.matrix.length * 2, (row + 1) * this.dimensions));
          grown.set(this.matrix);
          this.matrix = grown;
        }
        this.ids.push(record.id);
        this.metadata.push(record.metadata);
        this.slot.set(record.id, row);
      }
      this.metadata[row] = record.metadata;
      this.matrix.set(record.values, row * this.dimensions);
    }
  }

  async delete(ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      const row = this.slot.get(id);
      if (row === undefined) continue;
      // Move the last row into the hole so the matrix stays dense.
      const last = this.ids.length - 1;
      if (row !== last) {
        this.matrix.copyWithin(row * this.dimensions, last * this.dimensions, (last + 1) * this.dimensions);
        this.ids[row] = this.ids[last]!;
        this.metadata[row] = this.metadata[last]!;
        this.slot.set(this.ids[row]!, row);
      }
      this.ids.pop();
      this.metadata.pop();
      this.slot.delete(id);
    }
  }

  /** The stored vector of one passage (the freshness rule compares passages with it). */
  vectorOf(id: string): Float32Array | null {
    const row = this.slot.get(id);
    return row === undefined ? null : this.matrix.subarray(row * this.dimensions, (row + 1) * this.dimensions);
  }

  async query(vector: Float32Array, options: { topK: number; filter?: VectorFilter }): Promise<VectorMatch[]> {
    const { topK, filter } = options;
    const dims = this.dimensions;
    const matrix = this.matrix;
    const best: VectorMatch[] = [];
    let floor = -Infinity;
    for (let row = 0; row < this.ids.length; row++) {
      if (filter && !matchesFilter(this.metadata[row]!, filter)) continue;
      let score = 0;
      const offset = row * dims;
      for (let index = 0; index < dims; index++) score += matrix[offset + index]! * vector[index]!;
      if (best.length < topK || score > floor) {
        best.push({ id: this.ids[row]!, score });
        if (best.length > topK * 4) {
          best.sort((left, right) => right.score - left.score);
          best.length = topK;
          floor = best[topK - 1]!.score;
        }
      }
    }
    best.sort((left, right) => right.score - left.score);
    return best.slice(0, topK);
  }

  async size(): Promise<number> {
    return this.ids.length;
  }
}

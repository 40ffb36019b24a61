/**
 * Okapi BM25 over analysed terms (k1 1.2, b 0.75). Postings are plain arrays per term, scored into
 * one Float64Array accumulator: at 100k passages a query touches only the postings of its few
 * terms. Headings are indexed twice, because a passage's heading says what it is about.
 */
export interface LexicalHit { row: number; score: number }

export class Bm25Index {
  private readonly postings = new Map<string, { rows: number[]; tfs: number[] }>();
  private lengths: number[] = [];
  private totalLength = 0;
  private live: boolean[] = [];
  private liveRows = 0;

  constructor(private readonly k1 = 1.2, private readonly b = 0.75) {}

  get size(): number {
    return this.lengths.length;
  }

  /** Adds a passage's terms; returns its row. */
  add(terms: readonly string[]): number {
    const row = this.lengths.length;
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, tf] of counts) {
      let posting = this.postings.get(term);
      if (!posting) this.postings.set(term, (posting = { rows: [], tfs: [] }));
      posting.rows.push(row);
      posting.tfs.push(tf);
    }
    this.lengths.push(terms.length);
    this.live.push(true);
    this.liveRows++;
    this.totalLength += terms.length;
    return row;
  }

  /** Removes a passage from scoring (its row is left as a tombstone until the next rebuild). */
  remove(row: number): void {
    if (this.live[row]) {
      this.live[row] = false;
      this.liveRows--;
      this.totalLength -= this.lengths[row]!;
    }
  }

  /**
   * Live rows only, renumbered densely (tombstones dropped), for a snapshot: `rowMap[old]` is the
   * new row or -1. Terms whose postings are all tombstones are left out.
   */
  compacted(): { rowMap: Int32Array; lengths: number[]; terms: string[]; postings: Array<{ rows: number[]; tfs: number[] }> } {
    const rowMap = new Int32Array(this.lengths.length).fill(-1);
    const lengths: number[] = [];
    for (let row = 0; row < this.lengths.length; row++) if (this.live[row]) rowMap[row] = lengths.push(this.lengths[row]!) - 1;
    const terms: string[] = [];
    const postings: Array<{ rows: number[]; tfs: number[] }> = [];
    for (const [term, posting] of this.postings) {
      const rows: number[] = [], tfs: number[] = [];
      for (let index = 0; index < posting.rows.length; index++) {
        const row = rowMap[posting.rows[index]!]!;
        if (row >= 0) {
          rows.push(row);
          tfs.push(posting.tfs[index]!);
        }
      }
      if (rows.length === 0) continue;
      terms.push(term);
      postings.push({ rows, tfs });
    }
    return { rowMap, lengths, terms, postings };
  }

  /** Replaces the contents with a compacted snapshot's (every row live). */
  restore(lengths: readonly number[], terms: readonly string[], postings: ReadonlyArray<{ rows: number[]; tfs: number[] }>): void {
    this.postings.clear();
    terms.forEach((term, index) => this.postings.set(term, postings[index]!));
    this.lengths = [...lengths];
    this.live = new Array<boolean>(lengths.length).fill(true);
    this.liveRows = lengths.length;
    this.totalLength = lengths.reduce((sum, length) => sum + length, 0);
  }

  has(term: string): boolean {
    return this.postings.has(term);
  }

  terms(): IterableIterator<string> {
    return this.postings.keys();
  }

  idf(term: string): number {
    const df = this.postings.get(term)?.rows.length ?? 0;
    const n = this.liveCount();
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  private liveCount(): number {
    return this.liveRows;
  }

  /** Rows by BM25 score for weighted query terms; `accept` filters rows (locale, section...). */
  search(query: ReadonlyMap<string, number>, topK: number, accept?: (row: number) => boolean): LexicalHit[] {
    const scores = new Float64Array(this.lengths.length);
    const touched: number[] = [];
    const averageLength = this.totalLength / Math.max(1, this.liveCount()) || 1;
    for (const [term, weight] of query) {
      const posting = this.postings.get(term);
      if (!posting) continue;
      const idf = this.idf(term) * weight;
      const { rows, tfs } = posting;
      for (let index = 0; index < rows.length; index++) {
        const row = rows[index]!;
        if (!this.live[row]) continue;
        const tf = tfs[index]!;
        const norm = tf + this.k1 * (1 - this.b + (this.b * this.lengths[row]!) / averageLength);
        if (scores[row] === 0) touched.push(row);
        scores[row]! += (idf * tf * (this.k1 + 1)) / norm;
      }
    }
    // Top-k without sorting every touched row: at 100k passages a common word touches most rows.
    let hits: LexicalHit[] = [];
    let floor = -Infinity;
    for (const row of touched) {
      const score = scores[row]!;
      if (score <= floor || (accept && !accept(row))) continue;
      hits.push({ row, score });
      if (hits.length >= topK * 4) {
        hits.sort((left, right) => right.score - left.score);
        hits = hits.slice(0, topK);
        floor = hits[topK - 1]!.score;
      }
    }
    hits.sort((left, right) => right.score - left.score);
    return hits.slice(0, topK);
  }
}

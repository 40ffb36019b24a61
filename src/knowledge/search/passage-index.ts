import { analyze, languageOf } from '../analysis/analyzer.ts';
import { words } from '../analysis/normalize.ts';
import { SpellingRepair } from '../analysis/spelling.ts';
import { indexText, type Chunk } from '../types-index.ts';
import { Bm25Index } from './bm25.ts';
import type { LexicalSnapshot } from './lexical-snapshot.ts';

/** Terms a passage is indexed under: headings count twice, since they say what the passage is about. */
export function passageTerms(chunk: Chunk): string[] {
  const headings = [chunk.title, ...chunk.heading_path.slice(1)].join(' ');
  return [...analyze(headings, chunk.locale), ...analyze(indexText(chunk), chunk.locale)];
}

/**
 * The in-memory lexical side: passages by row, BM25 postings and the vocabulary used to repair
 * typos. Restored at start from its snapshot (or rebuilt from the passages when the snapshot is
 * missing or stale), updated in place by incremental ingests.
 */
export class PassageIndex {
  readonly bm25 = new Bm25Index();
  private readonly rows: Array<Chunk | null> = [];
  private readonly rowOf = new Map<string, number>();
  private readonly byDocument = new Map<string, Set<string>>();
  private readonly perKindLanguage = new Map<string, number>();
  private readonly vocabulary = new Map<string, number>();
  private speller: SpellingRepair | null = null;

  get size(): number {
    return this.rowOf.size;
  }

  add(chunks: readonly Chunk[]): void {
    for (const chunk of chunks) {
      if (this.rowOf.has(chunk.id)) this.remove([chunk.id]);
      this.place(this.bm25.add(passageTerms(chunk)), chunk);
      for (const word of words(indexText(chunk))) this.vocabulary.set(word, (this.vocabulary.get(word) ?? 0) + 1);
    }
    this.speller = null;
  }

  private place(row: number, chunk: Chunk): void {
    this.rows[row] = chunk;
    this.rowOf.set(chunk.id, row);
    const kindLanguage = `${chunk.kind}:${languageOf(chunk.locale)}`;
    this.perKindLanguage.set(kindLanguage, (this.perKindLanguage.get(kindLanguage) ?? 0) + 1);
    const key = `${chunk.doc_id}\u0000${chunk.locale}\u0000${chunk.kind}`;
    if (!this.byDocument.has(key)) this.byDocument.set(key, new Set());
    this.byDocument.get(key)!.add(chunk.id);
  }

  /** The live index, compacted, in a form `restore` reads back without analysing any text. */
  snapshot(): LexicalSnapshot {
    const { rowMap, lengths, terms, postings } = this.bm25.compacted();
    const ids: string[] = [], hashes: string[] = [];
    rowMap.forEach((row, old) => {
      if (row < 0) return;
      const chunk = this.rows[old]!;
      ids.push(chunk.id);
      hashes.push(chunk.content_hash);
    });
    return { ids, hashes, lengths, terms, postings, vocabulary: [...this.vocabulary] };
  }

  /**
   * Fills an empty index from a snapshot, if it describes exactly `chunks` (same ids, same
   * content); returns false, leaving the index empty, otherwise.
   */
  restore(snapshot: LexicalSnapshot, chunks: readonly Chunk[]): boolean {
    if (this.rows.length > 0 || snapshot.ids.length !== chunks.length) return false;
    const byId = new Map(chunks.map((chunk) => [chunk.id, chunk]));
    const ordered: Chunk[] = [];
    for (let row = 0; row < snapshot.ids.length; row++) {
      const chunk = byId.get(snapshot.ids[row]!);
      if (!chunk || chunk.content_hash !== snapshot.hashes[row]) return false;
      ordered.push(chunk);
    }
    if (byId.size !== ordered.length) return false;
    this.bm25.restore(snapshot.lengths, snapshot.terms, snapshot.postings);
    ordered.forEach((chunk, row) => this.place(row, chunk));
    for (const [word, count] of snapshot.vocabulary) this.vocabulary.set(word, count);
    this.speller = null;
    return true;
  }

  remove(ids: readonly string[]): void {
    for (const id of ids) {
      const row = this.rowOf.get(id);
      if (row === undefined) continue;
      this.bm25.remove(row);
      const chunk = this.rows[row]!;
      const kindLanguage = `${chunk.kind}:${languageOf(chunk.locale)}`;
      this.perKindLanguage.set(kindLanguage, (this.perKindLanguage.get(kindLanguage) ?? 1) - 1);
      this.byDocument.get(`${chunk.doc_id}\u0000${chunk.locale}\u0000${chunk.kind}`)?.delete(id);
      this.rows[row] = null;
      this.rowOf.delete(id);
    }
  }

  /** Whether any passage of this kind exists in a language (products are often in one language only). */
  hasKindIn(kind: string, language: string): boolean {
    return (this.perKindLanguage.get(`${kind}:${language}`) ?? 0) > 0;
  }

  chunkAt(row: number): Chunk | null {
    return this.rows[row] ?? null;
  }

  get(id: string): Chunk | null {
    const row = this.rowOf.get(id);
    return row === undefined ? null : this.rows[row] ?? null;
  }

  /** Every passage of one article, joined: the freshness rule compares whole articles' figures. */
  documentText(docId: string, locale: string): string {
    return [...(this.byDocument.get(`${docId}\u0000${locale}\u0000article`) ?? [])].map((id) => this.get(id)?.text ?? '').join('\n');
  }

  all(): Chunk[] {
    return this.rows.filter((chunk): chunk is Chunk => chunk !== null);
  }

  /** The speller is built lazily: ingest batches should not rebuild it after every document. */
  spelling(): SpellingRepair {
    return (this.speller ??= new SpellingRepair(this.vocabulary));
  }
}

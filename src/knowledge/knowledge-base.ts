import { cpuTurn, stableHash, type SqlDb } from '../platform/index.ts';
import { SynonymLexicon } from './analysis/synonyms.ts';
import { extractAnswer, type Answer } from './answer.ts';
import { chunkDocument } from './chunk.ts';
import { OfflineEmbedder, fitIdf, type IdfTable } from './embeddings/offline.ts';
import type { EmbeddingsPort } from './embeddings/port.ts';
import { DEFAULT_FUSION, hybridSearch, type FusionSettings, type HybridResult, type SearchOptions } from './search/hybrid.ts';
import { decodeSnapshot, encodeSnapshot } from './search/lexical-snapshot.ts';
import { PassageIndex } from './search/passage-index.ts';
import { snippetOf } from './search/snippet.ts';
import type { Conflict } from './search/freshness.ts';
import { KnowledgeStore, docKey } from './store.ts';
import { indexText, type Chunk, type KnowledgeDocument } from './types-index.ts';
import { EmbeddedVectorIndex } from './vectors/embedded.ts';
import type { VectorIndexPort, VectorRecord } from './vectors/port.ts';

export interface KnowledgeBaseOptions {
  /** Defaults to the offline embedder with IDF fitted on this merchant's passages. */
  embedder?: EmbeddingsPort;
  /** Defaults to the embedded index. */
  vectors?: VectorIndexPort;
  /** Merchant synonym groups (merchant.yaml `synonyms`), added to the built-in lexicon. */
  synonyms?: readonly (readonly string[])[];
  /** Confidence under which a question is "not answerable"; calibrated on the eval's train split. */
  answerThreshold?: number;
  fusion?: Partial<FusionSettings>;
}

export interface IngestSummary {
  documents: number; created: number; updated: number; unchanged: number; deleted: number;
  chunks: { added: number; removed: number; total: number };
  embeddings: { computed: number; cached: number; model: string };
  seconds: number;
}

export interface HelpSearchResult {
  query: string; corrected: string; answerable: boolean; confidence: number; conflicts: Conflict[];
  results: Array<{ doc_id: string; kind: 'article' | 'product'; title: string; section: string; heading_path: string[]; url: string; locale: string; updated: string | null; snippet: string; highlights: string[]; score: number; product_id: string | null }>;
}

/** Calibrated on evals/retrieval (train split) for the offline embedder: see evals/retrieval/README.md. */
export const DEFAULT_ANSWER_THRESHOLD = 0.333;
const IDF_KEY = 'offline-idf';
const LEXICAL_KEY = 'lexical';

/**
 * The help center as a searchable knowledge base: incremental ingest into the database, the
 * in-memory lexical index and the vector index, hybrid search and extractive answers.
 */
export class KnowledgeBase {
  private readonly store: KnowledgeStore;
  private readonly passages = new PassageIndex();
  private embedder: EmbeddingsPort;
  private vectors: VectorIndexPort;
  private readonly ownsEmbedder: boolean;
  private prepared: Promise<void> | null = null;
  readonly lexicon: SynonymLexicon;
  readonly answerThreshold: number;
  readonly fusion: FusionSettings;

  constructor(db: SqlDb, options: KnowledgeBaseOptions = {}) {
    this.store = new KnowledgeStore(db);
    this.ownsEmbedder = !options.embedder;
    // The stored IDF table is read by `ready()` before the first load, ingest or search.
    this.embedder = options.embedder ?? new OfflineEmbedder(null);
    this.vectors = options.vectors ?? new EmbeddedVectorIndex(this.embedder.dimensions);
    this.lexicon = new SynonymLexicon(undefined, options.synonyms ?? []);
    this.answerThreshold = options.answerThreshold ?? DEFAULT_ANSWER_THRESHOLD;
    this.fusion = { ...DEFAULT_FUSION, ...options.fusion };
  }

  get size(): number {
    return this.passages.size;
  }

  /** Every indexed passage (the eval gives the same passages to its baselines). */
  chunks(): Chunk[] {
    return this.passages.all();
  }

  get embeddingModel(): string {
    return this.embedder.model;
  }

  /** The offline embedder needs the IDF fitted at the last ingest; reading it is async, so it happens once, on first use. */
  private ready(): Promise<void> {
    this.prepared ??= (async () => {
      if (!this.ownsEmbedder) return;
      const idf = await this.store.getState<IdfTable>(IDF_KEY);
      if (idf) this.embedder = new OfflineEmbedder(idf, this.embedder.dimensions);
    })();
    return this.prepared;
  }

  /** Loads the stored passages and their cached embeddings into memory (server start). */
  async load(): Promise<{ chunks: number; seconds: number }> {
    const started = performance.now();
    await this.ready();
    const chunks = await this.store.chunks();
    const stored = await this.store.getSnapshot(LEXICAL_KEY);
    const snapshot = stored ? decodeSnapshot(stored) : null;
    if (!snapshot || !this.passages.restore(snapshot, chunks)) {
      // No snapshot, or one for other passages (a crash mid-ingest, another analyser): rebuild, and store it for the next start.
      this.passages.add(chunks);
      await this.saveSnapshot();
    }
    if (this.vectors instanceof EmbeddedVectorIndex) await this.vectors.upsert(await this.vectorsFor(chunks, { computed: 0, cached: 0 }));
    return { chunks: chunks.length, seconds: (performance.now() - started) / 1000 };
  }

  /**
   * Makes the index equal to `documents`. Unchanged documents (same hash) cost nothing, changed
   * ones are re-chunked and only their new passages embedded (others come from the cache), and
   * documents that disappeared leave the index.
   */
  async ingest(documents: readonly KnowledgeDocument[], onProgress?: (done: number, total: number) => void): Promise<IngestSummary> {
    const started = performance.now();
    await this.ready();
    const previous = await this.store.documentHashes();
    const summary: IngestSummary = { documents: documents.length, created: 0, updated: 0, unchanged: 0, deleted: 0, chunks: { added: 0, removed: 0, total: 0 }, embeddings: { computed: 0, cached: 0, model: '' }, seconds: 0 };
    const put: Array<{ key: string; hash: string; chunks: Chunk[] }> = [];
    const present = new Set<string>();
    for (const document of documents) {
      const key = docKey(document);
      present.add(key);
      const hash = stableHash(document);
      const before = previous.get(key);
      if (before === hash) {
        summary.unchanged++;
        continue;
      }
      if (before === undefined) summary.created++;
      else summary.updated++;
      put.push({ key, hash, chunks: await chunkDocument(document) });
    }
    const remove = [...previous.keys()].filter((key) => !present.has(key));
    summary.deleted = remove.length;
    const staleIds = await this.store.chunkIds([...remove, ...put.map((item) => item.key)]);
    await this.store.apply({ put, remove });
    const added = put.flatMap((item) => item.chunks);
    summary.chunks = { added: added.length, removed: staleIds.length, total: 0 };

    const refit = this.ownsEmbedder && await this.needsRefit(added.length - staleIds.length);
    this.passages.remove(staleIds);
    this.passages.add(added);
    if (refit) {
      const all = this.passages.all();
      const idf = fitIdf(all.map(indexText));
      await this.store.setState(IDF_KEY, idf);
      this.embedder = new OfflineEmbedder(idf, this.embedder.dimensions);
      if (this.vectors instanceof EmbeddedVectorIndex) this.vectors = new EmbeddedVectorIndex(this.embedder.dimensions);
      else await this.vectors.delete(staleIds);
      await this.vectors.upsert(await this.vectorsFor(all, summary.embeddings, onProgress));
    } else {
      await this.vectors.delete(staleIds);
      await this.vectors.upsert(await this.vectorsFor(added, summary.embeddings, onProgress));
    }
    if (summary.created + summary.updated + summary.deleted > 0) {
      await this.store.pruneEmbeddings(this.embedder.model);
      await this.saveSnapshot();
    }
    summary.embeddings.model = this.embedder.model;
    summary.chunks.total = this.passages.size;
    summary.seconds = Math.round(performance.now() - started) / 1000;
    return summary;
  }

  private async saveSnapshot(): Promise<void> {
    await this.store.setSnapshot(LEXICAL_KEY, encodeSnapshot(this.passages.snapshot()));
  }

  /** The offline embedder's IDF is refitted when the corpus grew or shrank by a quarter since the last fit. */
  private async needsRefit(delta: number): Promise<boolean> {
    const idf = await this.store.getState<IdfTable>(IDF_KEY);
    if (!idf) return true;
    const after = this.passages.size + delta;
    return Math.abs(after - idf.documents) > 0.25 * Math.max(idf.documents, 1);
  }

  private async vectorsFor(chunks: readonly Chunk[], counts: { computed: number; cached: number }, onProgress?: (done: number, total: number) => void): Promise<VectorRecord[]> {
    const model = this.embedder.model;
    const cached = await this.store.cachedEmbeddings(model, chunks.map((chunk) => chunk.content_hash));
    const missing = chunks.filter((chunk) => !cached.has(chunk.content_hash));
    counts.cached += chunks.length - missing.length;
    const fresh = new Map<string, Float32Array>();
    for (let start = 0; start < missing.length; start += 256) {
      const batch = missing.slice(start, start + 256);
      const vectors = await this.embedder.embedDocuments(batch.map(indexText));
      batch.forEach((chunk, index) => fresh.set(chunk.content_hash, vectors[index]!));
      onProgress?.(Math.min(start + 256, missing.length), missing.length);
    }
    counts.computed += fresh.size;
    if (fresh.size) await this.store.saveEmbeddings(model, fresh);
    return chunks.map((chunk) => ({
      id: chunk.id,
      values: cached.get(chunk.content_hash) ?? fresh.get(chunk.content_hash)!,
      metadata: { doc_id: chunk.doc_id, locale: chunk.locale, kind: chunk.kind, section: chunk.section, product_id: chunk.product_id },
    }));
  }

  /** Raw hybrid retrieval (the eval and the benchmark use it directly). */
  async retrieve(query: string, options: SearchOptions = {}, fusion: Partial<FusionSettings> = {}): Promise<HybridResult> {
    await this.ready();
    await cpuTurn();
    return hybridSearch({ passages: this.passages, vectors: this.vectors, embedder: this.embedder, lexicon: this.lexicon }, query, options, { ...this.fusion, ...fusion });
  }

  /** Passages that answer a shopper's question, with citation URL (anchor), date, highlighted snippet and score. */
  async searchHelp(query: string, options: SearchOptions = {}): Promise<HelpSearchResult> {
    const result = await this.retrieve(query, options);
    return {
      query, corrected: result.corrected, answerable: result.confidence >= this.answerThreshold && result.passages.length > 0,
      confidence: Math.round(result.confidence * 1000) / 1000, conflicts: result.conflicts,
      results: result.passages.map(({ chunk, score }) => ({
        doc_id: chunk.doc_id, kind: chunk.kind, title: chunk.title, section: chunk.section, heading_path: chunk.heading_path, url: chunk.url,
        locale: chunk.locale, updated: chunk.updated, ...snippetOf(chunk.text, result.terms), score: Math.round(score * 1000) / 1000, product_id: chunk.product_id,
      })),
    };
  }

  /** An extractive answer with citations, or `{answerable: false}`. */
  async answerQuestion(question: string, options: SearchOptions = {}): Promise<Answer> {
    return extractAnswer(await this.retrieve(question, { ...options, limit: Math.max(options.limit ?? 3, 3) }), question, this.answerThreshold);
  }
}

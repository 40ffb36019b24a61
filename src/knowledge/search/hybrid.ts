import { analyze, analyzeQuery, guessLanguage, languageOf } from '../analysis/analyzer.ts';
import { words } from '../analysis/normalize.ts';
import { STOP_WORDS } from '../analysis/stopwords.ts';
import type { SynonymLexicon } from '../analysis/synonyms.ts';
import { normalize, type EmbeddingsPort } from '../embeddings/port.ts';
import { indexText, type Chunk } from '../types-index.ts';
import type { VectorFilter, VectorIndexPort } from '../vectors/port.ts';
import { detectConflicts, type Conflict } from './freshness.ts';
import type { PassageIndex } from './passage-index.ts';
import { QueryCoverage } from './coverage.ts';

export interface SearchOptions {
  /** Preferred locale; other locales are used when they answer clearly better. */
  locale?: string;
  limit?: number;
  section?: string;
  product_id?: string;
  kind?: 'article' | 'product';
  /** Passages per document in the results (1: one per article, the best section). */
  perDocument?: number;
}

export interface FusionSettings {
  method: 'weighted' | 'rrf' | 'lexical' | 'vector';
  lexicalWeight: number;
  /** Weight of synonym expansions relative to the shopper's own words. */
  expansionWeight: number;
  /** Score factor for passages outside the preferred locale. */
  otherLocaleFactor: number;
  candidates: number;
  vectorFloor: number;
  /** Share of a document's second-best passage added to its best: articles that match in several sections are usually on topic. */
  secondPassageWeight: number;
  /** Added to an article's passages when the query covers most of its title ("return policy" -> "Returns and refunds"). */
  titleWeight: number;
}

export const DEFAULT_FUSION: FusionSettings = { method: 'weighted', lexicalWeight: 0.6, expansionWeight: 0.4, otherLocaleFactor: 0.7, candidates: 60, vectorFloor: 0.35, secondPassageWeight: 0.5, titleWeight: 0.3 };

export interface RankedPassage { chunk: Chunk; score: number; lexical: number; vector: number }

export interface HybridResult {
  passages: RankedPassage[];
  conflicts: Conflict[];
  /** 0..1: how much of the question the best passages cover; compared with a calibrated threshold. */
  confidence: number;
  signals: AnswerSignals;
  /** The analysed query terms (with synonyms), for highlighting. */
  terms: Set<string>;
  corrected: string;
}

export interface HybridDeps { passages: PassageIndex; vectors: VectorIndexPort; embedder: EmbeddingsPort; lexicon: SynonymLexicon }

/**
 * Hybrid retrieval: BM25 over analysed terms (typos repaired, synonyms added at a lower weight)
 * and vector similarity, each normalised by its best score and mixed by weight (or reciprocal
 * rank fusion, kept for comparison), then locale preference, the freshness rule and an
 * answerability confidence from the best passage.
 */
export async function hybridSearch(deps: HybridDeps, query: string, options: SearchOptions = {}, settings: FusionSettings = DEFAULT_FUSION): Promise<HybridResult> {
  const { passages, vectors, embedder, lexicon } = deps;
  const speller = passages.spelling();
  const corrected = words(query).map((word) => (STOP_WORDS.en.has(word) || STOP_WORDS.fr.has(word) || lexicon.knows(word) ? word : speller.repair(word))).join(' ');
  const { matched, expansions, groups } = lexicon.expand(corrected);
  const queryTerms = new Map<string, number>();
  for (const term of analyzeQuery(corrected)) queryTerms.set(term, 1);
  for (const group of groups) {
    // When the shopper's own word never occurs in the documents ("UK"), its synonyms are the only
    // way to match, so they count fully; otherwise they stay secondary to the shopper's words.
    const ownWordIndexed = analyzeQuery(group.matched.join(' ')).some((term) => passages.bm25.has(term));
    const weight = ownWordIndexed ? settings.expansionWeight : 1;
    for (const term of analyzeQuery(group.others.join(' '))) queryTerms.set(term, Math.max(queryTerms.get(term) ?? 0, weight));
  }

  const filter: VectorFilter = {};
  if (options.section) filter.section = options.section;
  if (options.product_id) filter.product_id = options.product_id;
  if (options.kind) filter.kind = options.kind;
  const hasFilter = Object.keys(filter).length > 0;
  const accept = hasFilter ? (row: number) => {
    const chunk = passages.chunkAt(row);
    return !!chunk && (!filter.section || chunk.section === filter.section) && (!filter.product_id || chunk.product_id === filter.product_id) && (!filter.kind || chunk.kind === filter.kind);
  } : undefined;

  const candidates = settings.candidates;
  const lexicalHits = settings.method === 'vector' ? [] : passages.bm25.search(queryTerms, candidates, accept);
  let vectorHits: Array<{ id: string; score: number }> = [];
  if (settings.method !== 'lexical') {
    const [plain, extra] = await Promise.all([embedder.embedQuery(corrected || query), expansions.length ? embedder.embedQuery(expansions.join(', ')) : null]);
    const vector = new Float32Array(plain);
    if (extra) for (let index = 0; index < vector.length; index++) vector[index]! += settings.expansionWeight * 0.5 * extra[index]!;
    vectorHits = await vectors.query(normalize(vector), { topK: candidates, ...(hasFilter ? { filter } : {}) });
  }

  const scores = new Map<string, RankedPassage>();
  const entry = (chunk: Chunk) => {
    let item = scores.get(chunk.id);
    if (!item) scores.set(chunk.id, (item = { chunk, score: 0, lexical: 0, vector: 0 }));
    return item;
  };
  const maxLexical = lexicalHits[0]?.score || 1;
  // Weak vector matches are not stretched to 1: the best cosine is divided by at least `vectorFloor`.
  const maxVector = Math.max(vectorHits[0]?.score ?? 0, settings.vectorFloor);
  lexicalHits.forEach((hit, rank) => {
    const chunk = passages.chunkAt(hit.row);
    if (!chunk) return;
    const item = entry(chunk);
    item.lexical = hit.score;
    item.score += settings.method === 'rrf' ? 1 / (60 + rank) : (settings.method === 'lexical' ? 1 : settings.lexicalWeight) * (hit.score / maxLexical);
  });
  vectorHits.forEach((hit, rank) => {
    const chunk = passages.get(hit.id);
    if (!chunk) return;
    const item = entry(chunk);
    item.vector = hit.score;
    item.score += settings.method === 'rrf' ? 1 / (60 + rank) : (settings.method === 'vector' ? 1 : 1 - settings.lexicalWeight) * Math.max(0, hit.score / maxVector);
  });

  const preferred = options.locale ? languageOf(options.locale) : guessLanguage(query);
  const ranked = [...scores.values()];
  if (settings.titleWeight > 0) {
    // The article whose title the question names is the one a person would open first.
    const ownTerms = new Set(analyzeQuery(corrected));
    const coverageCache = new Map<string, number>();
    for (const item of ranked) {
      if (item.chunk.kind !== 'article') continue;
      let coverage = coverageCache.get(item.chunk.title);
      if (coverage === undefined) {
        const titleTerms = [...new Set(analyze(item.chunk.title, item.chunk.locale))];
        coverage = titleTerms.length ? titleTerms.filter((term) => ownTerms.has(term)).length / titleTerms.length : 0;
        coverageCache.set(item.chunk.title, coverage);
      }
      if (coverage >= 0.5) item.score += settings.titleWeight * coverage;
    }
  }
  // Locale preference: other-language passages are discounted, unless nothing of their kind exists
  // in the preferred language (a catalog written only in English still answers French shoppers).
  if (preferred) {
    for (const item of ranked) {
      if (languageOf(item.chunk.locale) !== preferred && passages.hasKindIn(item.chunk.kind, preferred)) item.score *= settings.otherLocaleFactor;
    }
  }
  ranked.sort((left, right) => right.score - left.score);
  if (settings.secondPassageWeight > 0) {
    const second = new Map<string, number>();
    const seenDocs = new Set<string>();
    for (const item of ranked) {
      const key = `${item.chunk.kind}:${item.chunk.doc_id}:${item.chunk.locale}`;
      if (seenDocs.has(key) && !second.has(key)) second.set(key, item.score);
      seenDocs.add(key);
    }
    const bonused = new Set<string>();
    for (const item of ranked) {
      const key = `${item.chunk.kind}:${item.chunk.doc_id}:${item.chunk.locale}`;
      if (bonused.has(key)) continue;
      bonused.add(key);
      item.score += settings.secondPassageWeight * (second.get(key) ?? 0);
    }
    ranked.sort((left, right) => right.score - left.score);
  }

  const perDocument = options.perDocument ?? 1;
  const limit = options.limit ?? 5;
  const perDoc = new Map<string, number>();
  const kept: RankedPassage[] = [];
  for (const item of ranked) {
    const key = `${item.chunk.kind}:${item.chunk.doc_id}:${item.chunk.locale}`;
    const count = perDoc.get(key) ?? 0;
    if (count >= perDocument) continue;
    perDoc.set(key, count + 1);
    kept.push(item);
    if (kept.length >= Math.max(limit, 10)) break;
  }
  const { order, conflicts } = detectConflicts(kept.map((item) => item.chunk), (docId, locale) => passages.documentText(docId, locale));
  const byId = new Map(kept.map((item) => [item.chunk.id, item]));
  const passagesOut = order.map((chunk) => byId.get(chunk.id)!).slice(0, limit);
  const terms = new Set(queryTerms.keys());
  const coverage = new QueryCoverage(corrected, matched, expansions, passages.bm25);
  const signals = answerSignals(coverage, passagesOut.slice(0, 3));
  return { passages: passagesOut, conflicts, confidence: confidenceOf(signals), signals, terms, corrected };
}

export interface AnswerSignals {
  /** Rarity-weighted share of the question's words found in the best passage (directly or via synonyms). */
  coverage: number;
  /** The best share found together in two consecutive sentences of one of the best three passages. */
  sentence: number;
  /** The share the best passage is about: in its title or headings, or repeated in its text. */
  salience: number;
}

/**
 * Answerability from retrieval signals, blended with weights chosen on the eval's train split
 * (evals/retrieval/README.md). Every signal weighs a word by its rarity, so a question about
 * something the help center never mentions ("do you rent kayaks") leaves its heaviest word
 * uncovered; one whose words are all used, but apart ("bike" in one product, "sell" elsewhere),
 * finds no sentence that answers it and no passage that is about it.
 */
export function confidenceOf(signals: AnswerSignals): number {
  return 0.3 * signals.coverage + 0.4 * signals.sentence + 0.3 * signals.salience;
}

function answerSignals(coverage: QueryCoverage, top: RankedPassage[]): AnswerSignals {
  if (top.length === 0 || coverage.total === 0) return { coverage: 0, sentence: 0, salience: 0 };
  const best = top[0]!.chunk;
  return {
    coverage: coverage.share(new Set(analyze(indexText(best), best.locale))),
    sentence: Math.max(...top.map((item) => coverage.sentenceShare(item.chunk))),
    salience: coverage.salientShare(best),
  };
}

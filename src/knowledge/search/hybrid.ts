import { analyze, analyzeQuery, guessLanguage, languageOf } from '../analysis/analyzer.ts';
import { words } from '../analysis/normalize.ts';
import { stemEn, stemFr } from '../analysis/stem.ts';
import { STOP_WORDS } from '../analysis/stopwords.ts';
import type { SynonymLexicon } from '../analysis/synonyms.ts';
import { normalize, type EmbeddingsPort } from '../embeddings/port.ts';
import { indexText, type Chunk } from '../types-index.ts';
import type { VectorFilter, VectorIndexPort } from '../vectors/port.ts';
import { detectConflicts, type Conflict } from './freshness.ts';
import type { PassageIndex } from './passage-index.ts';

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
}

export const DEFAULT_FUSION: FusionSettings = { method: 'weighted', lexicalWeight: 0.5, expansionWeight: 0.4, otherLocaleFactor: 0.7, candidates: 60 };

export interface RankedPassage { chunk: Chunk; score: number; lexical: number; vector: number }

export interface HybridResult {
  passages: RankedPassage[];
  conflicts: Conflict[];
  /** 0..1: how much of the question the best passage covers; compared with a calibrated threshold. */
  confidence: number;
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
  const corrected = words(query).map((word) => (STOP_WORDS.en.has(word) || STOP_WORDS.fr.has(word) ? word : speller.repair(word))).join(' ');
  const { matched, expansions } = lexicon.expand(corrected);
  const queryTerms = new Map<string, number>();
  for (const term of analyzeQuery(corrected)) queryTerms.set(term, 1);
  for (const term of analyzeQuery(expansions.join(' '))) if (!queryTerms.has(term)) queryTerms.set(term, settings.expansionWeight);

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
  const maxVector = vectorHits[0]?.score || 1;
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
  if (preferred) for (const item of ranked) if (languageOf(item.chunk.locale) !== preferred) item.score *= settings.otherLocaleFactor;
  ranked.sort((left, right) => right.score - left.score);

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
  return { passages: passagesOut, conflicts, confidence: passagesOut[0] ? confidenceOf(deps, corrected, matched, expansions, passagesOut[0]) : 0, terms, corrected };
}

/**
 * Answerability: the share of the question's content words (weighted by rarity) that the best
 * passage contains, directly or through a synonym group the question used, blended with the
 * passage's vector similarity. A question about something the help center never mentions ("do
 * you rent tents") leaves its key word uncovered, and its rarity weighs most.
 */
function confidenceOf(deps: HybridDeps, corrected: string, matched: string[], expansions: string[], best: RankedPassage): number {
  const chunkTerms = new Set(analyze(indexText(best.chunk), best.chunk.locale));
  const synonymWords = new Set(words(matched.join(' ')));
  const synonymCovered = analyzeQuery(expansions.join(' ')).some((term) => chunkTerms.has(term));
  let total = 0;
  let covered = 0;
  const seen = new Set<string>();
  for (const word of analyzeQuery(corrected).length ? words(corrected) : []) {
    const variants = [stemEn(word), stemFr(word)];
    if (seen.has(variants[0]!) || !analyzeQuery(word).length) continue;
    seen.add(variants[0]!);
    const weight = Math.max(...variants.map((term) => deps.passages.bm25.idf(term)));
    total += weight;
    if (variants.some((term) => chunkTerms.has(term)) || (synonymCovered && synonymWords.has(word))) covered += weight;
  }
  const coverage = total > 0 ? covered / total : 0;
  return 0.6 * coverage + 0.4 * Math.max(0, best.vector);
}

import { analyze, analyzeQuery } from '../analysis/analyzer.ts';
import { words } from '../analysis/normalize.ts';
import { stemEn, stemFr } from '../analysis/stem.ts';
import type { Chunk } from '../types-index.ts';
import { sentencesOf } from './snippet.ts';

/**
 * The question's content words, each weighted by its rarity in the merchant's documents, so the
 * share of them a passage (or one sentence of it) contains can be measured. A word the shopper
 * wrote through a synonym group ("send back") also counts where the group's other words appear.
 */
export class QueryCoverage {
  words: ReadonlyArray<{ variants: string[]; weight: number; viaSynonym: boolean }>;
  readonly total: number;
  private readonly expansionTerms: string[];

  constructor(corrected: string, matched: readonly string[], expansions: readonly string[], index: { idf(term: string): number; has(term: string): boolean }) {
    const idf = (term: string) => index.idf(term);
    const synonymWords = new Set(words(matched.join(' ')));
    this.expansionTerms = analyzeQuery(expansions.join(' '));
    // The words the search itself uses: filler ("policy" in "return policy") is left out there too.
    const searched = new Set(analyzeQuery(corrected));
    // A number the documents never use ("1m75", "20000mm", an order number) is the shopper's own
    // detail, not a topic the help center lacks: it does not count against the passages.
    const ownDetail = (word: string) => /\d/.test(word) && !index.has(stemEn(word)) && !index.has(stemFr(word));
    this.words = [...new Set(words(corrected))].filter((word) => (searched.has(stemEn(word)) || searched.has(stemFr(word))) && !ownDetail(word)).map((word) => {
      const variants = [stemEn(word), stemFr(word)];
      return { variants, weight: Math.max(...variants.map(idf)), viaSynonym: synonymWords.has(word) };
    });
    if (this.words.length === 0 && this.expansionTerms.length > 0) {
      // "Where's my stuff?" is all function words but for a phrase the lexicon knows ("where's my"):
      // the phrase's meaning, its group's other words, is then what a passage must cover.
      this.words = [{ variants: this.expansionTerms, weight: Math.max(...this.expansionTerms.map(idf)), viaSynonym: false }];
    }
    this.total = this.words.reduce((sum, word) => sum + word.weight, 0);
  }

  /** Rarity-weighted share of the question's words present in a set of analysed terms. */
  share(terms: ReadonlySet<string>): number {
    if (this.total === 0) return 0;
    let covered = 0;
    for (const word of this.words) {
      if (word.variants.some((term) => terms.has(term)) || (word.viaSynonym && this.expansionTerms.some((term) => terms.has(term)))) covered += word.weight;
    }
    return covered / this.total;
  }

  /**
   * The best share any two consecutive sentences of a passage reach, read with the passage's title
   * and headings: an answer states its facts together, while a passage that merely mentions each
   * word somewhere ("bike" in one paragraph, "sell" in another) is usually about something else.
   */
  sentenceShare(chunk: Chunk): number {
    const context = analyze([chunk.title, ...chunk.heading_path].join(' '), chunk.locale);
    const sentences = sentencesOf(chunk.text).map((text) => analyze(text, chunk.locale));
    let best = sentences.length === 0 ? this.share(new Set(context)) : 0;
    for (let index = 0; index < sentences.length; index++) {
      best = Math.max(best, this.share(new Set([...context, ...sentences[index]!, ...(sentences[index + 1] ?? [])])));
    }
    return best;
  }

  /** The share of the question a passage is about: words in its title or headings, or repeated in its text. */
  salientShare(chunk: Chunk): number {
    const salient = new Set(analyze([chunk.title, ...chunk.heading_path].join(' '), chunk.locale));
    const counts = new Map<string, number>();
    for (const term of analyze(chunk.text, chunk.locale)) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, count] of counts) if (count >= 2) salient.add(term);
    return this.share(salient);
  }
}

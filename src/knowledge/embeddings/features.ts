import { words } from '../analysis/normalize.ts';
import { STOP_WORDS } from '../analysis/stopwords.ts';

/** FNV-1a, 32 bits, over a string's char codes from `seed` (one seed per feature kind). */
export function fnv1a(text: string, seed = 0x811c9dc5, start = 0, end = text.length): number {
  let hash = seed;
  for (let index = start; index < end; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const WORD = 0x811c9dc5;
const PREFIX = 0x2f1c9dc1;
const PAIR = 0x5bd1e995;
const GRAM3 = 0x7feb352d;
const GRAM4 = 0x846ca68b;

/**
 * Language-agnostic features for the offline embedder, so an English or French query needs no
 * language detection: whole words, 5-letter prefixes (a crude stemmer that works in both
 * languages: "rembourser"/"remboursement", "delivered"/"delivery"), adjacent word pairs, and
 * character 3- and 4-grams that still overlap when a shopper misspells a word ("retrun").
 * Features are hashed straight to 32-bit ids (no strings built per n-gram), which keeps ingest
 * at thousands of passages per second.
 */
export function featuresOf(text: string): Map<number, number> {
  const features = new Map<number, number>();
  const add = (feature: number, weight: number) => features.set(feature, (features.get(feature) ?? 0) + weight);
  const kept = words(text).filter((word) => !STOP_WORDS.en.has(word) && !STOP_WORDS.fr.has(word) && (word.length > 1 || /\d/.test(word)));
  for (let position = 0; position < kept.length; position++) {
    const word = kept[position]!;
    add(fnv1a(word, WORD), 1);
    if (word.length > 5) add(fnv1a(word, PREFIX, 0, 5), 0.8);
    const next = kept[position + 1];
    if (next) add(fnv1a(next, fnv1a(word, PAIR, 0, 5), 0, 5), 0.6);
    if (word.length >= 4 && !(word.charCodeAt(0) >= 48 && word.charCodeAt(0) <= 57)) {
      const padded = `<${word}>`;
      const grams = (padded.length - 2) + (padded.length - 3);
      // Spread a fixed budget over the word's n-grams so long words do not dominate.
      const weight = 1.2 / grams;
      for (let start = 0; start + 3 <= padded.length; start++) add(fnv1a(padded, GRAM3, start, start + 3), weight);
      for (let start = 0; start + 4 <= padded.length; start++) add(fnv1a(padded, GRAM4, start, start + 4), weight);
    }
  }
  return features;
}

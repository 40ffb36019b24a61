import { words } from '../analysis/normalize.ts';
import { STOP_WORDS } from '../analysis/stopwords.ts';

/**
 * Language-agnostic features for the offline embedder, so an English or French query needs no
 * language detection: whole words, 5-letter prefixes (a crude stemmer that works in both
 * languages: "rembourser"/"remboursement", "delivered"/"delivery"), adjacent word pairs, and
 * character 3- and 4-grams that still overlap when a shopper misspells a word ("retrun").
 */
export function featuresOf(text: string): Map<string, number> {
  const features = new Map<string, number>();
  const add = (feature: string, weight: number) => features.set(feature, (features.get(feature) ?? 0) + weight);
  const kept = words(text).filter((word) => !STOP_WORDS.en.has(word) && !STOP_WORDS.fr.has(word) && (word.length > 1 || /\d/.test(word)));
  kept.forEach((word, index) => {
    add(`w:${word}`, 1);
    if (word.length > 5) add(`p:${word.slice(0, 5)}`, 0.8);
    const next = kept[index + 1];
    if (next) add(`b:${word.slice(0, 5)}_${next.slice(0, 5)}`, 0.6);
    if (word.length >= 4 && !/^\d+$/.test(word)) {
      const padded = `<${word}>`;
      const grams: string[] = [];
      for (let size = 3; size <= 4; size++) for (let start = 0; start + size <= padded.length; start++) grams.push(padded.slice(start, start + size));
      // Spread a fixed budget over the word's n-grams so long words do not dominate.
      const weight = 1.2 / grams.length;
      for (const gram of grams) add(`c:${gram}`, weight);
    }
  });
  return features;
}

/** FNV-1a, 32 bits: a stable hash for feature hashing. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

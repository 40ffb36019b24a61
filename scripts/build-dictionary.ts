/**
 * Builds src/knowledge/analysis/dictionary.bloom from the English and French word lists (dev
 * dependencies): `npm run build:dictionary`. The product reads only the built file.
 */
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { BloomFilter, DICTIONARY_FILE, fold } from '../src/knowledge/index.ts';

const require = createRequire(import.meta.url);
const words = new Set<string>();
for (const list of ['an-array-of-english-words', 'an-array-of-french-words']) {
  for (const word of require(list) as string[]) {
    const folded = fold(word);
    if (folded.length >= 5 && /^[a-z]+$/.test(folded)) words.add(folded);
  }
}
const filter = BloomFilter.sized(words.size, 0.01);
for (const word of words) filter.add(word);
writeFileSync(DICTIONARY_FILE, filter.encode());
console.log(`${words.size} words, ${filter.hashes} hashes, ${(filter.bits.length / 1024).toFixed(0)} KiB -> ${DICTIONARY_FILE}`);

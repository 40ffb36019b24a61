import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * "Is this a real English or French word?", for the typo repair: a word the merchant's documents
 * never use may still be a real word ("hiring", "bikes"), and rewriting it into the nearest word
 * they do use ("hiking", "hikes") answers a question nobody asked. The word lists (MIT, from the
 * `an-array-of-*-words` packages, folded, words of 5+ letters) ship as a Bloom filter of ~670 KB
 * built by `npm run build:dictionary`: about 1% of non-words pass for words, which only means such
 * a typo is left as typed.
 */
export class BloomFilter {
  constructor(readonly bits: Uint8Array, readonly hashes: number) {}

  static sized(count: number, falsePositiveRate: number): BloomFilter {
    const size = Math.ceil((-count * Math.log(falsePositiveRate)) / Math.LN2 ** 2);
    return new BloomFilter(new Uint8Array(Math.ceil(size / 8)), Math.max(1, Math.round((size / count) * Math.LN2)));
  }

  static decode(buffer: Uint8Array): BloomFilter {
    if (buffer.length < 8 || new TextDecoder().decode(buffer.subarray(0, 4)) !== 'BLM1') throw new Error('The word list is not a Bloom filter file (expected the BLM1 header): rebuild it with `npm run build:dictionary`.');
    return new BloomFilter(buffer.subarray(8), new DataView(buffer.buffer, buffer.byteOffset).getUint32(4, true));
  }

  encode(): Uint8Array {
    const out = new Uint8Array(8 + this.bits.length);
    out.set(new TextEncoder().encode('BLM1'));
    new DataView(out.buffer).setUint32(4, this.hashes, true);
    out.set(this.bits, 8);
    return out;
  }

  add(word: string): void {
    for (const bit of this.positions(word)) this.bits[bit >>> 3]! |= 1 << (bit & 7);
  }

  has(word: string): boolean {
    for (const bit of this.positions(word)) if (!(this.bits[bit >>> 3]! & (1 << (bit & 7)))) return false;
    return true;
  }

  private *positions(word: string): Generator<number> {
    // Double hashing (Kirsch–Mitzenmacher): two 32-bit FNV-1a variants give every probe.
    let first = 0x811c9dc5, second = 0x01000193 ^ word.length;
    for (let index = 0; index < word.length; index++) {
      const code = word.charCodeAt(index);
      first = Math.imul(first ^ code, 0x01000193);
      second = Math.imul(second ^ code, 0x5bd1e995);
      second ^= second >>> 15;
    }
    const size = this.bits.length * 8;
    for (let probe = 0; probe < this.hashes; probe++) yield ((first >>> 0) + probe * ((second | 1) >>> 0)) % size;
  }
}

export const DICTIONARY_FILE = join(import.meta.dirname, 'dictionary.bloom');

let dictionary: BloomFilter | null = null;

/** True for a folded word of 5+ letters found in the English or French word list. */
export function isDictionaryWord(word: string): boolean {
  dictionary ??= BloomFilter.decode(readFileSync(DICTIONARY_FILE));
  return dictionary.has(word);
}

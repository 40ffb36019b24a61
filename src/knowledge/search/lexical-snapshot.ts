import { createHash } from 'node:crypto';
import { analyze } from '../analysis/analyzer.ts';
import { words } from '../analysis/normalize.ts';

/**
 * The lexical index in a compact serialised form, so a restart reads postings instead of
 * re-analysing every passage (stemming was most of a 100k-passage start-up). Layout: a 4-byte
 * header length, a JSON header (format, analyser fingerprint, row ids and content hashes, terms,
 * posting lengths, vocabulary), then varint-encoded row deltas and term frequencies. Loading is
 * one pass over the bytes.
 */
export interface LexicalSnapshot {
  /** Per row: chunk id and content hash, so a snapshot that no longer matches the passages is ignored. */
  ids: string[];
  hashes: string[];
  lengths: number[];
  terms: string[];
  /** Per term, ascending rows and their term frequencies. */
  postings: Array<{ rows: number[]; tfs: number[] }>;
  vocabulary: Array<[string, number]>;
}

const FORMAT = 1;

/**
 * Changes whenever the analyser (stemmers, folding, stop words) would index text differently:
 * a snapshot written by another version is rebuilt rather than trusted.
 */
let fingerprintCache: string | null = null;
export function analyserFingerprint(): string {
  const probe = "L'équipe expédie les commandes rapidement; returning shipped orders isn't refunded: 30 days, colour-coded labels.";
  return (fingerprintCache ??= createHash('sha256').update(JSON.stringify([FORMAT, analyze(probe, 'en'), analyze(probe, 'fr'), words(probe)])).digest('base64url'));
}

/** A growable byte buffer: a plain array of millions of numbers would cost eight bytes each. */
class Bytes {
  data = new Uint8Array(1 << 16);
  length = 0;

  varint(value: number): void {
    if (this.length + 5 > this.data.length) {
      const grown = new Uint8Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    while (value >= 0x80) {
      this.data[this.length++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    this.data[this.length++] = value;
  }
}

export function encodeSnapshot(snapshot: LexicalSnapshot): Buffer {
  const bytes = new Bytes();
  for (const { rows, tfs } of snapshot.postings) {
    let previous = 0;
    for (let index = 0; index < rows.length; index++) {
      bytes.varint(rows[index]! - previous);
      previous = rows[index]!;
      bytes.varint(tfs[index]!);
    }
  }
  const header = Buffer.from(JSON.stringify({
    format: FORMAT, fingerprint: analyserFingerprint(), ids: snapshot.ids, hashes: snapshot.hashes, lengths: snapshot.lengths,
    terms: snapshot.terms, counts: snapshot.postings.map((posting) => posting.rows.length), vocabulary: snapshot.vocabulary,
  }));
  const prefix = Buffer.alloc(4);
  prefix.writeUInt32LE(header.length);
  return Buffer.concat([prefix, header, bytes.data.subarray(0, bytes.length)]);
}

/** The snapshot, or null when it is damaged or written by a different analyser. */
export function decodeSnapshot(blob: Uint8Array): LexicalSnapshot | null {
  try {
    const buffer = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
    const headerLength = buffer.readUInt32LE(0);
    const header = JSON.parse(buffer.toString('utf8', 4, 4 + headerLength)) as Omit<LexicalSnapshot, 'postings'> & { format: number; fingerprint: string; counts: number[] };
    if (header.format !== FORMAT || header.fingerprint !== analyserFingerprint() || header.terms.length !== header.counts.length) return null;
    let offset = 4 + headerLength;
    const readVarint = () => {
      let value = 0, shift = 0, byte: number;
      do {
        if (offset >= buffer.length) throw new Error('truncated snapshot');
        byte = buffer[offset++]!;
        value += (byte & 0x7f) * 2 ** shift;
        shift += 7;
      } while (byte & 0x80);
      return value;
    };
    const postings = header.counts.map((count) => {
      const rows = new Array<number>(count), tfs = new Array<number>(count);
      let row = 0;
      for (let index = 0; index < count; index++) {
        row += readVarint();
        rows[index] = row;
        tfs[index] = readVarint();
      }
      return { rows, tfs };
    });
    if (offset !== buffer.length || header.ids.length !== header.hashes.length || header.ids.length !== header.lengths.length) return null;
    return { ids: header.ids, hashes: header.hashes, lengths: header.lengths, terms: header.terms, postings, vocabulary: header.vocabulary };
  } catch {
    return null;
  }
}

import { stableHash } from '../../platform/index.ts';
import { featuresOf } from './features.ts';
import { normalize, type EmbeddingsPort } from './port.ts';

/** Document frequencies of features, fitted on the merchant's corpus and stored with the index. */
export interface IdfTable {
  documents: number;
  /** feature id -> number of documents containing it */
  df: Record<string, number>;
}

export function fitIdf(texts: readonly string[]): IdfTable {
  const df = new Map<number, number>();
  for (const text of texts) for (const feature of featuresOf(text).keys()) df.set(feature, (df.get(feature) ?? 0) + 1);
  return { documents: texts.length, df: Object.fromEntries(df) };
}

/**
 * The offline embedder shipped with Shopkeeper: hashed word, prefix, word-pair and character
 * n-gram features, sublinear term frequency, IDF from the merchant's own corpus, signed feature
 * hashing into `dimensions` buckets, L2-normalised. Deterministic, no weights to download, a few
 * microseconds per passage. The IDF table's fingerprint is part of `model`, so cached embeddings
 * are reused exactly when they would be computed the same way.
 */
export class OfflineEmbedder implements EmbeddingsPort {
  readonly model: string;
  /** A Map, not the stored object: lookups in an object with 100k keys are several times slower. */
  private readonly df: Map<number, number> | null;

  constructor(private readonly idf: IdfTable | null = null, readonly dimensions = 512) {
    this.model = `offline-ngram-v2-${dimensions}${idf ? `-idf:${stableHash(idf).slice(0, 12)}` : ''}`;
    // IDF per feature computed once; unseen features get the IDF of a feature in no document.
    this.df = idf ? new Map(Object.entries(idf.df).map(([feature, df]) => [Number(feature), Math.log((idf.documents + 1) / (df + 0.5))])) : null;
    this.unseen = idf ? Math.log((idf.documents + 1) / 0.5) : 1;
  }

  private readonly unseen: number;

  private weight(feature: number): number {
    return this.df ? this.df.get(feature) ?? this.unseen : 1;
  }

  embed(text: string): Float32Array {
    const vector = new Float32Array(this.dimensions);
    for (const [hash, tf] of featuresOf(text)) {
      const sign = hash & 0x80000000 ? -1 : 1;
      vector[hash % this.dimensions]! += sign * (tf > 1 ? 1 + Math.log(tf) : tf) * Math.max(this.weight(hash), 0);
    }
    return normalize(vector);
  }

  async embedDocuments(texts: readonly string[]): Promise<Float32Array[]> {
    return texts.map((text) => this.embed(text));
  }

  async embedQuery(text: string): Promise<Float32Array> {
    return this.embed(text);
  }
}

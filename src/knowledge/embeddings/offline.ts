import { stableHash } from '../../platform/index.ts';
import { featuresOf, fnv1a } from './features.ts';
import { normalize, type EmbeddingsPort } from './port.ts';

/** Document frequencies of features, fitted on the merchant's corpus and stored with the index. */
export interface IdfTable {
  documents: number;
  /** feature -> number of documents containing it */
  df: Record<string, number>;
}

export function fitIdf(texts: readonly string[]): IdfTable {
  const df: Record<string, number> = {};
  for (const text of texts) for (const feature of featuresOf(text).keys()) df[feature] = (df[feature] ?? 0) + 1;
  return { documents: texts.length, df };
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

  constructor(private readonly idf: IdfTable | null = null, readonly dimensions = 512) {
    this.model = `offline-ngram-v1-${dimensions}${idf ? `-idf:${stableHash(idf).slice(0, 12)}` : ''}`;
  }

  private weight(feature: string): number {
    if (!this.idf) return 1;
    const df = this.idf.df[feature] ?? 0;
    return Math.log((this.idf.documents + 1) / (df + 0.5));
  }

  embed(text: string): Float32Array {
    const vector = new Float32Array(this.dimensions);
    for (const [feature, tf] of featuresOf(text)) {
      const hash = fnv1a(feature);
      const sign = hash & 0x80000000 ? -1 : 1;
      vector[hash % this.dimensions]! += sign * (tf > 1 ? 1 + Math.log(tf) : tf) * Math.max(this.weight(feature), 0);
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

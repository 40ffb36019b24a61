/**
 * Turns texts into unit-length vectors. `model` names the model and everything that changes its
 * output, because embeddings are cached under (content hash, model).
 */
export interface EmbeddingsPort {
  readonly model: string;
  readonly dimensions: number;
  /** Embeds documents for indexing. */
  embedDocuments(texts: readonly string[]): Promise<Float32Array[]>;
  /** Embeds a query; a port may weight it differently from documents. */
  embedQuery(text: string): Promise<Float32Array>;
}

export function normalize(vector: Float32Array): Float32Array {
  let sum = 0;
  for (let index = 0; index < vector.length; index++) sum += vector[index]! * vector[index]!;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let index = 0; index < vector.length; index++) vector[index]! /= norm;
  return vector;
}

export function dot(left: Float32Array, right: Float32Array): number {
  let sum = 0;
  for (let index = 0; index < left.length; index++) sum += left[index]! * right[index]!;
  return sum;
}

import type OpenAI from 'openai';
import { normalize, type EmbeddingsPort } from './port.ts';

export interface OpenAIEmbeddingsOptions {
  apiKey: string;
  baseURL?: string;
  model?: string;
  /** text-embedding-3-small returns 1536 dimensions. */
  dimensions?: number;
  /** Inputs per request; the API accepts up to 2048, smaller batches keep a retry cheap. */
  batchSize?: number;
  /** Retries on 429 and 5xx with exponential backoff, honouring retry-after (the SDK's own policy). */
  maxRetries?: number;
  timeoutMs?: number;
}

/**
 * OpenAI embeddings (`POST /v1/embeddings`), used when OPENAI_API_KEY is set. Inputs are sent in
 * batches with `encoding_format: "float"` and the vectors are returned in input order.
 */
export class OpenAIEmbeddings implements EmbeddingsPort {
  readonly model: string;
  readonly dimensions: number;
  private client: Promise<OpenAI> | undefined;
  private readonly batchSize: number;

  constructor(options: OpenAIEmbeddingsOptions) {
    this.model = options.model ?? 'text-embedding-3-small';
    this.dimensions = options.dimensions ?? 1536;
    this.batchSize = options.batchSize ?? 96;
    this.options = options;
  }

  private readonly options: OpenAIEmbeddingsOptions;

  /** The SDK is imported on first use so offline runs never load it. */
  private sdk(): Promise<OpenAI> {
    const { apiKey, baseURL, maxRetries, timeoutMs } = this.options;
    return (this.client ??= import('openai').then(({ default: OpenAIClient }) => new OpenAIClient({ apiKey, baseURL, maxRetries: maxRetries ?? 4, timeout: timeoutMs ?? 30_000 })));
  }

  async embedDocuments(texts: readonly string[]): Promise<Float32Array[]> {
    const vectors: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += this.batchSize) {
      const input = texts.slice(start, start + this.batchSize).map((text) => text.replace(/\s+/g, ' ').trim() || ' ');
      const response = await (await this.sdk()).embeddings.create({ model: this.model, input, encoding_format: 'float' });
      const ordered = [...response.data].sort((left, right) => left.index - right.index);
      for (const item of ordered) vectors.push(normalize(Float32Array.from(item.embedding as number[])));
    }
    return vectors;
  }

  async embedQuery(text: string): Promise<Float32Array> {
    return (await this.embedDocuments([text]))[0]!;
  }
}

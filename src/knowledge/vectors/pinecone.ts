import type { Index, RecordMetadata } from '@pinecone-database/pinecone';
import type { VectorFilter, VectorIndexPort, VectorMatch, VectorRecord } from './port.ts';

export interface PineconeOptions {
  apiKey: string;
  /** The index's data-plane host (https://INDEX-PROJECT.svc.REGION.pinecone.io). */
  host: string;
  /** Namespaces are `<merchant>-<locale>`, so several merchants can share one index. */
  merchant: string;
  locales: readonly string[];
}

/** Our filter as Pinecone metadata filter syntax ({field: {$eq}} / {$in}). */
export function pineconeFilter(filter: VectorFilter | undefined): Record<string, unknown> | undefined {
  if (!filter) return undefined;
  const clauses = Object.entries(filter).filter(([, value]) => value !== undefined)
    .map(([key, value]) => ({ [key]: Array.isArray(value) ? { $in: value } : { $eq: value } }));
  return clauses.length === 0 ? undefined : clauses.length === 1 ? clauses[0] : { $and: clauses };
}

/**
 * Pinecone as the vector index (PINECONE_API_KEY + PINECONE_INDEX_HOST). Records live in one
 * namespace per merchant and locale; queries without a locale search every namespace of the
 * merchant and merge by score. Null metadata is omitted, as Pinecone does not store nulls.
 */
export class PineconeVectorIndex implements VectorIndexPort {
  readonly name = 'pinecone';
  private client: Promise<Index<RecordMetadata>> | undefined;

  constructor(private readonly options: PineconeOptions) {}

  /** The SDK is imported on first use so offline runs never load it. */
  private index(): Promise<Index<RecordMetadata>> {
    return (this.client ??= import('@pinecone-database/pinecone').then(({ Pinecone }) => new Pinecone({ apiKey: this.options.apiKey }).index({ host: this.options.host })));
  }

  namespaceOf(locale: string): string {
    return `${this.options.merchant}-${locale}`.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  }

  async upsert(records: readonly VectorRecord[]): Promise<void> {
    const byLocale = new Map<string, VectorRecord[]>();
    for (const record of records) byLocale.set(record.metadata.locale, [...(byLocale.get(record.metadata.locale) ?? []), record]);
    for (const [locale, group] of byLocale) {
      for (let start = 0; start < group.length; start += 100) {
        await (await this.index()).upsert({
          namespace: this.namespaceOf(locale),
          records: group.slice(start, start + 100).map((record) => ({
            id: record.id,
            values: Array.from(record.values),
            metadata: Object.fromEntries(Object.entries(record.metadata).filter(([, value]) => value !== null)) as RecordMetadata,
          })),
        });
      }
    }
  }

  async delete(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    // Passage ids are kind:doc:locale:n, so each id's namespace is known without a lookup.
    const byLocale = new Map<string, string[]>();
    for (const id of ids) {
      const locale = id.split(':')[2] ?? this.options.locales[0]!;
      byLocale.set(locale, [...(byLocale.get(locale) ?? []), id]);
    }
    for (const [locale, group] of byLocale) {
      for (let start = 0; start < group.length; start += 1000) await (await this.index()).deleteMany({ namespace: this.namespaceOf(locale), ids: group.slice(start, start + 1000) });
    }
  }

  async query(vector: Float32Array, options: { topK: number; filter?: VectorFilter; locale?: string }): Promise<VectorMatch[]> {
    const locales = options.locale ? [options.locale] : this.options.locales;
    const values = Array.from(vector);
    const filter = pineconeFilter(options.filter);
    const index = await this.index();
    const responses = await Promise.all(locales.map((locale) => index.query({
      namespace: this.namespaceOf(locale), vector: values, topK: options.topK, includeMetadata: false, includeValues: false, ...(filter ? { filter } : {}),
    })));
    return responses.flatMap((response) => response.matches.map((match) => ({ id: match.id, score: match.score ?? 0 })))
      .sort((left, right) => right.score - left.score).slice(0, options.topK);
  }

  async size(): Promise<number> {
    const stats = await (await this.index()).describeIndexStats();
    return stats.totalRecordCount ?? 0;
  }
}

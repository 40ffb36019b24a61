import type { Config, Merchant } from './config/index.ts';
import { KnowledgeBase, OfflineEmbedder, OpenAIEmbeddings, PgVectorIndex, PineconeVectorIndex, type EmbeddingsPort, type VectorIndexPort } from './knowledge/index.ts';
import { ShopkeeperError, openPostgres, slugify, type SqlDb } from './platform/index.ts';

/**
 * Part of the composition root: picks the embedder and vector index from the configuration
 * (offline and embedded unless keys say otherwise) and builds the knowledge base. `close`
 * releases what the index holds (the pgvector connection pool).
 */
export function createKnowledgeBase(config: Config, merchant: Merchant, db: SqlDb): { knowledge: KnowledgeBase; close: () => Promise<void> } {
  let embedder: EmbeddingsPort | undefined;
  const wantsOpenai = config.embeddings === 'openai' || (config.embeddings === 'auto' && !!config.openaiApiKey);
  if (wantsOpenai) {
    if (!config.openaiApiKey) throw new ShopkeeperError('config_error', 'SHOPKEEPER_EMBEDDINGS=openai needs OPENAI_API_KEY', { field: 'OPENAI_API_KEY', fix: 'Set OPENAI_API_KEY, or use SHOPKEEPER_EMBEDDINGS=offline.' });
    embedder = new OpenAIEmbeddings({ apiKey: config.openaiApiKey, model: config.openaiEmbeddingModel, ...(config.openaiBaseUrl ? { baseURL: config.openaiBaseUrl } : {}) });
  }
  let vectors: VectorIndexPort | undefined;
  const wantsPinecone = config.vectorIndex === 'pinecone' || (config.vectorIndex === 'auto' && !!config.pineconeApiKey);
  if (wantsPinecone) {
    if (!config.pineconeApiKey || !config.pineconeIndexHost) {
      throw new ShopkeeperError('config_error', 'The Pinecone vector index needs PINECONE_API_KEY and PINECONE_INDEX_HOST', { field: config.pineconeApiKey ? 'PINECONE_INDEX_HOST' : 'PINECONE_API_KEY', fix: 'Set both, or use SHOPKEEPER_VECTOR_INDEX=embedded.' });
    }
    vectors = new PineconeVectorIndex({ apiKey: config.pineconeApiKey, host: config.pineconeIndexHost, merchant: slugify(merchant.profile.name), locales: merchant.profile.locales });
  }
  let close = async () => {};
  if (config.vectorIndex === 'pgvector') {
    if (!config.databaseUrl) throw new ShopkeeperError('config_error', 'SHOPKEEPER_VECTOR_INDEX=pgvector needs DATABASE_URL', { field: 'DATABASE_URL', fix: 'Set DATABASE_URL to a PostgreSQL with the vector extension, or use SHOPKEEPER_VECTOR_INDEX=embedded.' });
    const pool = openPostgres(config.databaseUrl, { max: 4 });
    // The table is created on first use, so a wrong URL or a missing extension shows on the first search or ingest.
    vectors = new PgVectorIndex({ pool, namespace: slugify(merchant.profile.name), dimensions: (embedder ?? new OfflineEmbedder()).dimensions });
    close = () => pool.end();
  }
  return { knowledge: new KnowledgeBase(db, { ...(embedder ? { embedder } : {}), ...(vectors ? { vectors } : {}), synonyms: merchant.profile.synonyms, ...(merchant.profile.answer_threshold === undefined ? {} : { answerThreshold: merchant.profile.answer_threshold }) }), close };
}

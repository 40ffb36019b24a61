import { Embeddings } from '@langchain/core/embeddings';
import { MemoryVectorStore } from '@langchain/classic/vectorstores/memory';
import MiniSearch from 'minisearch';
import { OfflineEmbedder, fitIdf, indexText, type Chunk, type KnowledgeBase, type FusionSettings } from '../../src/knowledge/index.ts';

export interface System { name: string; rank(q: string, locale: string): Promise<{ docs: string[]; confidence: number }> }

function distinct(ids: string[]): string[] {
  return [...new Set(ids)];
}

/** Ours: the hybrid search exactly as searchHelp runs it (variants change only the fusion). */
export function hybridSystem(name: string, knowledge: KnowledgeBase, fusion: Partial<FusionSettings> = {}): System {
  return {
    name,
    async rank(q, locale) {
      const result = await knowledge.retrieve(q, { limit: 10, locale }, fusion);
      return { docs: distinct(result.passages.map((passage) => passage.chunk.doc_id)), confidence: result.confidence };
    },
  };
}

/** Baseline 1: MiniSearch (BM25+) over the same passages, default analysis, default options. */
export function miniSearchSystem(chunks: readonly Chunk[]): System {
  const index = new MiniSearch<{ id: string; title: string; headings: string; text: string; doc_id: string }>({ fields: ['title', 'headings', 'text'], storeFields: ['doc_id'] });
  index.addAll(chunks.map((chunk) => ({ id: chunk.id, title: chunk.title, headings: chunk.heading_path.join(' '), text: chunk.text, doc_id: chunk.doc_id })));
  return {
    name: 'minisearch-bm25',
    async rank(q) {
      const hits = index.search(q);
      return { docs: distinct(hits.map((hit) => hit.doc_id as string)).slice(0, 10), confidence: hits[0]?.score ?? 0 };
    },
  };
}

/** Our offline embedder behind LangChain's Embeddings interface. */
class OfflineLangChainEmbeddings extends Embeddings {
  constructor(private readonly embedder: OfflineEmbedder) {
    super({});
  }
  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((text) => Array.from(this.embedder.embed(text)));
  }
  async embedQuery(text: string): Promise<number[]> {
    return Array.from(this.embedder.embed(text));
  }
}

/** Baseline 2: LangChain's MemoryVectorStore with our offline embedder (IDF fitted on the same passages). */
export async function memoryVectorStoreSystem(chunks: readonly Chunk[]): Promise<System> {
  const embedder = new OfflineEmbedder(fitIdf(chunks.map(indexText)));
  const store = await MemoryVectorStore.fromTexts(chunks.map(indexText), chunks.map((chunk) => ({ doc_id: chunk.doc_id })), new OfflineLangChainEmbeddings(embedder));
  return {
    name: 'langchain-memory-vector',
    async rank(q) {
      const hits = await store.similaritySearchWithScore(q, 30);
      return { docs: distinct(hits.map(([document]) => document.metadata.doc_id as string)).slice(0, 10), confidence: hits[0]?.[1] ?? 0 };
    },
  };
}

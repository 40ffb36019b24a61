/**
 * What the knowledge indexes hold. A document is anything a shopper may be answered from: a
 * help-center article or a product's description and specs (built by a flow from the catalog and
 * handed over as plain data, so this capability never reads the catalog itself).
 */
export interface KnowledgeDocument {
  id: string;
  locale: string;
  kind: 'article' | 'product';
  title: string;
  section: string;
  url: string;
  /** ISO date (YYYY-MM-DD); the freshness rule prefers the newer of two conflicting passages. */
  updated: string | null;
  /** Markdown. */
  body: string;
  product_id?: string | null;
}

/** One retrievable passage: a section (or a part of a long one) of a document. */
export interface Chunk {
  id: string;
  doc_id: string;
  locale: string;
  kind: 'article' | 'product';
  title: string;
  section: string;
  /** Headings from the article title down to this passage. */
  heading_path: string[];
  anchor: string | null;
  /** The document URL with the section anchor. */
  url: string;
  updated: string | null;
  text: string;
  product_id: string | null;
  /** Hash of everything that affects indexing; embeddings are cached by it. */
  content_hash: string;
}

/** The text embedded and indexed for a chunk: headings give short passages their topic. */
export function indexText(chunk: Pick<Chunk, 'title' | 'heading_path' | 'text'>): string {
  const path = chunk.heading_path.filter((heading) => heading !== chunk.title);
  return `${chunk.title}${path.length ? ` — ${path.join(' — ')}` : ''}\n${chunk.text}`;
}

import { stableHash } from '../platform/index.ts';
import { fold } from './analysis/normalize.ts';
import type { Chunk, KnowledgeDocument } from './types-index.ts';

export interface ChunkOptions {
  /** Longest passage in characters; longer sections are split on paragraph and sentence breaks. */
  maxChars?: number;
  overlap?: number;
}

/** GitHub-style heading anchors ("How long you have" -> how-long-you-have), as help centers render them. */
export function anchorOf(heading: string): string {
  return fold(heading).replace(/[^a-z0-9\s-]/g, '').trim().replace(/\s+/g, '-');
}

interface Section { path: string[]; anchor: string | null; lines: string[] }

/** Tables become "cell — cell" lines so a row reads as a sentence in snippets and answers. */
function tidy(line: string): string | null {
  const trimmed = line.trim();
  if (/^\|?\s*:?-{2,}/.test(trimmed)) return null;
  if (trimmed.startsWith('|')) return trimmed.replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim()).filter(Boolean).join(' — ');
  return line;
}

function sectionsOf(document: KnowledgeDocument): Section[] {
  const sections: Section[] = [{ path: [document.title], anchor: null, lines: [] }];
  const stack: Array<{ level: number; text: string }> = [];
  let fenced = false;
  for (const line of document.body.split(/\r?\n/)) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (!heading) {
      const kept = tidy(line);
      if (kept !== null) sections.at(-1)!.lines.push(kept);
      continue;
    }
    const level = heading[1]!.length;
    const text = heading[2]!.replace(/[*_`]/g, '');
    // The H1 that repeats the title opens the introduction rather than a section of its own.
    if (level === 1 && fold(text) === fold(document.title)) continue;
    while (stack.length && stack.at(-1)!.level >= level) stack.pop();
    stack.push({ level, text });
    sections.push({ path: [document.title, ...stack.map((item) => item.text)], anchor: anchorOf(text), lines: [] });
  }
  return sections;
}

/**
 * Splits a document along its headings: each section is a passage that keeps its heading path and
 * anchor, so a citation links to the exact part of the article. Sections longer than `maxChars`
 * are cut by langchain's recursive splitter (paragraphs, then lines, then sentences).
 */
export async function chunkDocument(document: KnowledgeDocument, options: ChunkOptions = {}): Promise<Chunk[]> {
  const maxChars = options.maxChars ?? 1200;
  // Loaded on first use: the splitter pulls in langchain core, which would slow every CLI start.
  let splitter: { splitText(text: string): Promise<string[]> } | undefined;
  const split = async (text: string) => {
    if (!splitter) {
      const { RecursiveCharacterTextSplitter } = await import('@langchain/textsplitters');
      splitter = new RecursiveCharacterTextSplitter({ chunkSize: maxChars, chunkOverlap: options.overlap ?? 120, separators: ['\n\n', '\n', '. ', ' ', ''] });
    }
    return splitter.splitText(text);
  };
  const chunks: Chunk[] = [];
  for (const section of sectionsOf(document)) {
    const text = section.lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
    if (!text) continue;
    const parts = text.length > maxChars ? await split(text) : [text];
    parts.forEach((part, index) => {
      const base = { doc_id: document.id, locale: document.locale, kind: document.kind, title: document.title, section: document.section,
        heading_path: section.path, anchor: section.anchor, url: section.anchor ? `${document.url}#${section.anchor}` : document.url,
        updated: document.updated, text: part.trim(), product_id: document.product_id ?? null };
      chunks.push({ id: `${document.kind}:${document.id}:${document.locale}:${chunks.length}${index ? `.${index}` : ''}`, ...base, content_hash: stableHash(base) });
    });
  }
  return chunks;
}

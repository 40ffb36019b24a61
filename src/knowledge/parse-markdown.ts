import { parse as parseYaml } from 'yaml';
import { stableHash, type ImportIssue } from '../platform/index.ts';
import { articleMetaSchema, type HelpArticle } from './types.ts';

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** Reads one Markdown article with YAML front matter (id, title, locale, section, url, updated). */
export function parseMarkdownArticle(text: string, file: string): { article?: HelpArticle; issues: ImportIssue[] } {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { issues: [{ file, line: 1, column: 1, message: 'no front matter; start the file with --- and the fields id, title, locale, section, url, updated' }] };
  let meta: unknown;
  try {
    meta = parseYaml(match[1]!);
  } catch (error) {
    return { issues: [{ file, line: 2, message: `front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}` }] };
  }
  const parsed = articleMetaSchema.safeParse(meta);
  if (!parsed.success) {
    return {
      issues: parsed.error.issues.map((issue) => {
        const field = String(issue.path[0] ?? '');
        const lineIndex = match[1]!.split('\n').findIndex((line) => line.startsWith(`${field}:`));
        return { file, line: lineIndex >= 0 ? lineIndex + 2 : 1, field, message: issue.message };
      }),
    };
  }
  const body = text.slice(match[0].length).trim();
  return { article: { ...parsed.data, body, source: file, content_hash: stableHash({ ...parsed.data, body }) }, issues: [] };
}

import { basename, extname } from 'node:path';
import { stableHash, type ImportIssue } from '../platform/index.ts';
import { decodeEntities, htmlToMarkdown } from './html.ts';
import { articleMetaSchema, type HelpArticle } from './types.ts';

function issuesOf(error: { issues: Array<{ path: PropertyKey[]; message: string }> }, file: string): ImportIssue[] {
  return error.issues.map((issue) => ({ file, field: String(issue.path[0] ?? ''), message: issue.message }));
}

/**
 * One HTML article: metadata from `<meta name="id|title|locale|section|url|updated" content>`,
 * the title from that meta, `<title>` or the first `<h1>`, the id from the file name by default.
 */
export function parseHtmlArticle(html: string, file: string): { article?: HelpArticle; issues: ImportIssue[] } {
  const meta: Record<string, string> = {};
  for (const tag of html.matchAll(/<meta\s+[^>]*>/gi)) {
    const name = /name=["']([^"']+)["']/i.exec(tag[0])?.[1]?.toLowerCase();
    const content = /content=["']([^"']*)["']/i.exec(tag[0])?.[1];
    if (name && content !== undefined) meta[name] = decodeEntities(content);
  }
  const title = meta.title ?? /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1]?.replace(/<[^>]+>/g, '');
  const lang = /<html[^>]*\blang=["']([a-z]{2})/i.exec(html)?.[1];
  const parsed = articleMetaSchema.safeParse({ id: basename(file, extname(file)), locale: lang, ...meta, title: title && decodeEntities(title).trim() });
  if (!parsed.success) return { issues: issuesOf(parsed.error, file) };
  const body = htmlToMarkdown(/<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html);
  return { article: { ...parsed.data, body, source: file, content_hash: stableHash({ ...parsed.data, body }) }, issues: [] };
}

interface ZendeskArticle { id: number | string; title: string; body: string | null; locale: string; html_url?: string; url?: string; updated_at?: string; edited_at?: string; section_id?: number | string; draft?: boolean }

/**
 * A Zendesk Help Center export (`{ "articles": [...] }` as GET /api/v2/help_center/articles
 * returns it, optionally with sideloaded `sections`). Drafts are skipped; the section name comes
 * from the sideload when present; locales like "en-us" become "en-US".
 */
export function parseZendeskExport(text: string, file: string): { articles: HelpArticle[]; issues: ImportIssue[] } {
  let data: { articles?: ZendeskArticle[]; sections?: Array<{ id: number | string; name: string }> };
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { articles: [], issues: [{ file, message: `not valid JSON: ${(error as Error).message}` }] };
  }
  if (!Array.isArray(data.articles)) return { articles: [], issues: [{ file, field: 'articles', message: 'expected { "articles": [...] } as the Zendesk Help Center API returns it' }] };
  const sections = new Map((data.sections ?? []).map((section) => [String(section.id), section.name]));
  const articles: HelpArticle[] = [];
  const issues: ImportIssue[] = [];
  data.articles.forEach((item, index) => {
    if (item.draft) return;
    const [language, region] = String(item.locale ?? '').split('-');
    const parsed = articleMetaSchema.safeParse({
      id: String(item.id), title: item.title, locale: region ? `${language}-${region.toUpperCase()}` : language,
      section: sections.get(String(item.section_id)) ?? (item.section_id ? `Section ${item.section_id}` : undefined),
      url: item.html_url ?? item.url, updated: item.edited_at ?? item.updated_at,
    });
    if (!parsed.success) {
      issues.push(...issuesOf(parsed.error, file).map((issue) => ({ ...issue, field: `articles.${index}.${issue.field}` })));
      return;
    }
    const body = htmlToMarkdown(item.body ?? '');
    articles.push({ ...parsed.data, body, source: file, content_hash: stableHash({ ...parsed.data, body }) });
  });
  return { articles, issues };
}

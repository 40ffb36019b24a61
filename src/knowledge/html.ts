/**
 * HTML help articles (files or a Zendesk body) as Markdown, so they are chunked along their
 * headings like Markdown articles: h1-h4 become # headings, list items "- ", table rows "| a | b |",
 * paragraphs blank-line separated. Scripts, styles and navigation are dropped.
 */
const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”', hellip: '…', mdash: '—', ndash: '–', eacute: 'é', egrave: 'è', agrave: 'à', ccedil: 'ç' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export function htmlToMarkdown(html: string): string {
  const inline = (fragment: string) => decodeEntities(fragment.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim();
  return html
    .replace(/<(script|style|nav|header|footer|template)[\s\S]*?<\/\1>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<h([1-4])[^>]*>([\s\S]*?)<\/h\1>/gi, (_whole, level: string, text: string) => `\n\n${'#'.repeat(Number(level))} ${inline(text)}\n\n`)
    .replace(/<tr[^>]*>([\s\S]*?)<\/tr>/gi, (_whole, row: string) => `\n| ${[...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/gi)].map((cell) => inline(cell[1]!)).join(' | ')} |`)
    .replace(/<li[^>]*>([\s\S]*?)<\/li>/gi, (_whole, item: string) => `\n- ${inline(item)}`)
    .replace(/<\/?(p|div|section|article|ul|ol|table|thead|tbody|blockquote)[^>]*>/gi, '\n\n')
    .split(/\n/)
    .map((line) => (/^(#|- |\| )/.test(line) ? line : inline(line)))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

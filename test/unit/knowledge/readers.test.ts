import { describe, expect, it } from 'vitest';
import { chunkDocument, htmlToMarkdown, parseHtmlArticle, parseZendeskExport } from '../../../src/knowledge/index.ts';

describe('HTML and Zendesk help-center sources', () => {
  it('reads an HTML article with meta tags and keeps its headings for chunking', async () => {
    const html = `<html lang="en"><head><title>Shipping &amp; delivery</title>
      <meta name="section" content="Shipping"><meta name="url" content="https://shop.example/help/shipping"><meta name="updated" content="2026-05-01"></head>
      <body><nav>Home</nav><h1>Shipping &amp; delivery</h1><p>We ship <strong>everywhere</strong>.</p>
      <h2>Rates</h2><table><tr><th>Zone</th><th>Price</th></tr><tr><td>US</td><td>$5</td></tr></table><ul><li>Free over $99</li></ul></body></html>`;
    const { article, issues } = parseHtmlArticle(html, '/help/shipping.html');
    expect(issues).toEqual([]);
    expect(article).toMatchObject({ id: 'shipping', title: 'Shipping & delivery', locale: 'en', section: 'Shipping', updated: '2026-05-01' });
    expect(article!.body).not.toContain('Home');
    const chunks = await chunkDocument({ ...article!, kind: 'article' });
    expect(chunks.map((chunk) => chunk.url)).toEqual(['https://shop.example/help/shipping', 'https://shop.example/help/shipping#rates']);
    expect(chunks[1]!.text).toContain('US — $5');
    expect(chunks[1]!.text).toContain('Free over $99');
  });

  it('reports a missing field of an HTML article by name', () => {
    const { issues } = parseHtmlArticle('<html><head><title>No url</title><meta name="locale" content="en"></head><body>x</body></html>', 'a.html');
    expect(issues.map((issue) => issue.field)).toContain('url');
  });

  it('reads a Zendesk Help Center export, skipping drafts and naming sections from the sideload', () => {
    const json = JSON.stringify({
      articles: [
        { id: 360001, title: 'Retours', body: '<p>Vous avez 30&nbsp;jours.</p><h2>Étiquette</h2><p>Gratuite.</p>', locale: 'fr-ca', html_url: 'https://shop.zendesk.com/hc/fr-ca/articles/360001', updated_at: '2026-03-02T10:00:00Z', section_id: 9, draft: false },
        { id: 360002, title: 'Draft', body: '<p>x</p>', locale: 'en-us', html_url: 'https://shop.zendesk.com/hc/en-us/articles/360002', updated_at: '2026-03-02T10:00:00Z', draft: true },
        { id: 360003, title: 'Broken', body: '<p>x</p>', locale: 'en-us', updated_at: '2026-03-02T10:00:00Z' },
      ],
      sections: [{ id: 9, name: 'Retours et échanges' }],
    });
    const { articles, issues } = parseZendeskExport(json, 'export.json');
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ id: '360001', locale: 'fr-CA', section: 'Retours et échanges', updated: '2026-03-02' });
    expect(articles[0]!.body).toBe('Vous avez 30 jours.\n\n## Étiquette\n\nGratuite.');
    expect(issues).toEqual([expect.objectContaining({ field: 'articles.2.url' })]);
  });

  it('converts entities and inline markup', () => {
    expect(htmlToMarkdown('<p>L&#39;article &eacute;t&eacute; <em>r&eacute;par&eacute;</em></p>')).toBe("L'article été réparé");
  });
});

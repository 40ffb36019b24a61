import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, TEA_SHOP, tempDir } from '../helpers/paths.ts';
import { startTestServer } from '../helpers/server.ts';

const HOSTILE = { 'js-link.md': 'javascript:alert(document.cookie)', 'data-link.md': 'data:text/html,<script>alert(1)</script>', 'vb-link.md': 'vbscript:msgbox(1)' };
const merchant = tempDir();
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  cpSync(TEA_SHOP, merchant.path, { recursive: true });
  for (const [file, url] of Object.entries(HOSTILE)) {
    const id = file.replace('.md', '');
    writeFileSync(join(merchant.path, 'help', file), `---\nid: ${id}\ntitle: Free tea ${id}\nlocale: en\nsection: Offers\nurl: ${url}\nupdated: 2026-09-12\n---\nClick the link for free oolong tea.\n`);
  }
  server = await startTestServer({ merchant: merchant.path });
});
afterAll(async () => { await server.stop(); merchant.cleanup(); });

/** Low finding: help imports accepted javascript:/data:/vbscript: URLs that widgets rendered as links. */
describe('security: link schemes from help imports', () => {
  it('refuses non-http(s) article URLs at import, as an issue naming the file and the field', () => {
    const issues = server.initialImport!.files.flatMap((report) => report.issues);
    for (const file of Object.keys(HOSTILE)) {
      const issue = issues.find((candidate) => candidate.file.endsWith(file));
      expect(issue, `${file}: ${JSON.stringify(issues)}`).toMatchObject({ field: 'url', line: 6, message: expect.stringMatching(/http/) });
    }
  });

  it('the refused articles are not served as citations', async () => {
    const response = await fetch(`${server.url}/api/help/search?q=${encodeURIComponent('free oolong tea link')}`);
    const text = await response.text();
    expect(text).not.toMatch(/javascript:|vbscript:|data:text/);
  });

  it('the MCP widgets open http(s) links only', () => {
    const opened: string[] = [];
    const window = {
      parent: null as unknown, addEventListener: () => undefined, open: (url: string) => { opened.push(url); },
      openai: { openExternal: ({ href }: { href: string }) => { opened.push(href); } },
    };
    window.parent = window;
    const source = readFileSync(join(ROOT, 'src/surfaces/mcp/widgets/shared.js'), 'utf8');
    const sk = runInNewContext(`${source}\nsk`, { window, document: { documentElement: {} }, URL }) as { openLink: (url: string) => unknown };
    for (const url of Object.values(HOSTILE)) sk.openLink(url);
    sk.openLink(' JavaScript:alert(1)');
    expect(opened).toEqual([]);
    sk.openLink('https://shop.example/checkout/cs_1');
    expect(opened).toEqual(['https://shop.example/checkout/cs_1']);
  });
});

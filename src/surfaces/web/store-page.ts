import type { Services } from '../../flows/index.ts';
import { findTool } from '../../tools/index.ts';
import { escapeHtml, money } from './html.ts';

interface Tile { title: string; price_min: number; currency: string; image: string | null; description: string }

/** A demo storefront for the merchant, so `npm start` shows the widget where a shopper would meet it. */
export async function demoStorePage(services: Services, publicUrl: string): Promise<string> {
  const profile = services.merchant.profile;
  const search = findTool('search_products');
  let tiles: Tile[] = [];
  if (search) {
    const output = await search.execute({ services, channel: 'chat', actor: { kind: 'system', id: 'demo-store' } }, { query: 'backpack jacket tent', in_stock_only: true, limit: 6 } as never) as { products: Tile[] };
    tiles = output.products;
  }
  const locale = profile.locales[0] ?? 'en';
  const cards = tiles.map((tile) => `<article><div class="img" role="img" aria-label="${escapeHtml(tile.title)}"></div><h3>${escapeHtml(tile.title)}</h3><p>${escapeHtml(tile.description.slice(0, 90))}…</p><strong>${money(tile.price_min, tile.currency)}</strong></article>`).join('');
  return `<!doctype html>
<html lang="${escapeHtml(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(profile.name)}</title>
<style>
  /* Deliberately aggressive host styles: the widget's shadow DOM must not inherit them. */
  * { font-family: Georgia, serif; } button { background: hotpink !important; } p, div { color: #333; }
  body { margin: 0; background: #faf8f3; } header { background: #243b2f; color: #fff; padding: 18px 24px; }
  header h1 { margin: 0; font-size: 24px; } main { padding: 24px; display: grid; gap: 18px; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); }
  article { background: #fff; border-radius: 10px; padding: 14px; box-shadow: 0 1px 4px rgba(0,0,0,.1); }
  .img { height: 120px; border-radius: 8px; background: linear-gradient(135deg, #7aa37f, #d9c9a3); }
  .hero { padding: 24px; font-size: 18px; }
</style></head>
<body><header><h1>${escapeHtml(profile.name)}</h1></header>
<div class="hero">Gear for the trail. Questions? Our assistant answers with sources, and a person is one click away.</div>
<main>${cards}</main>
<script src="${escapeHtml(publicUrl)}/widget.js" data-locale="${escapeHtml(locale)}" data-color="#1f6f4a" data-title="${escapeHtml(profile.name)}" async></script>
</body></html>`;
}

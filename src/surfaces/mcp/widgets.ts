import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** MIME type of MCP Apps UI resources (the standard), which ChatGPT also renders. */
export const MCP_APP_MIME = 'text/html;profile=mcp-app';

export interface Widget {
  name: string;
  uri: string;
  title: string;
  description: string;
  file: string;
}

// The URI is a cache key for hosts: bump the version suffix when a widget changes incompatibly.
export const WIDGETS = {
  productCarousel: { name: 'product-carousel', uri: 'ui://shopkeeper/product-carousel.v1.html', title: 'Product carousel', description: 'Products with price, stock and a buy button.', file: 'product-carousel.html' },
  productDetail: { name: 'product-detail', uri: 'ui://shopkeeper/product-detail.v1.html', title: 'Product detail', description: 'One product with its variants.', file: 'product-detail.html' },
  checkoutSummary: { name: 'checkout-summary', uri: 'ui://shopkeeper/checkout-summary.v1.html', title: 'Checkout summary', description: 'Items, totals and the pay link of a checkout.', file: 'checkout-summary.html' },
  orderStatus: { name: 'order-status', uri: 'ui://shopkeeper/order-status.v1.html', title: 'Order status', description: 'An order with its tracking timeline.', file: 'order-status.html' },
} as const satisfies Record<string, Widget>;

/** Which widget renders which tool's result. */
export const TOOL_WIDGETS: Record<string, Widget> = {
  search_products: WIDGETS.productCarousel,
  get_product: WIDGETS.productDetail,
  create_checkout: WIDGETS.checkoutSummary,
  update_checkout: WIDGETS.checkoutSummary,
  get_checkout: WIDGETS.checkoutSummary,
  complete_checkout: WIDGETS.checkoutSummary,
  get_order: WIDGETS.orderStatus,
};

const here = dirname(fileURLToPath(import.meta.url));
const cache = new Map<string, string>();

/** The widget's self-contained HTML (inline CSS and JS, no CDN). */
export function widgetHtml(widget: Widget): string {
  let html = cache.get(widget.file);
  if (html === undefined) {
    const shared = readFileSync(join(here, 'widgets', 'shared.js'), 'utf8');
    html = readFileSync(join(here, 'widgets', widget.file), 'utf8').replace('/*SHARED*/', shared);
    cache.set(widget.file, html);
  }
  return html;
}

/** Resource `_meta` in both the MCP Apps form and ChatGPT's keys (ChatGPT builds its CSP from the latter). */
export function widgetResourceMeta(domain: string): Record<string, unknown> {
  return {
    ui: { prefersBorder: true, domain, csp: { connectDomains: [], resourceDomains: [] } },
    'openai/widgetPrefersBorder': true,
    'openai/widgetDomain': domain,
    'openai/widgetCSP': { connect_domains: [], resource_domains: [] },
  };
}

export function toolWidgetMeta(widget: Widget, invoking: string, invoked: string): Record<string, unknown> {
  return {
    ui: { resourceUri: widget.uri },
    'ui/resourceUri': widget.uri,
    'openai/outputTemplate': widget.uri,
    'openai/widgetAccessible': true,
    'openai/toolInvocation/invoking': invoking.slice(0, 64),
    'openai/toolInvocation/invoked': invoked.slice(0, 64),
  };
}

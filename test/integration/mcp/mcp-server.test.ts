import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMcp, type Era } from '../../helpers/mcp.ts';
import { startTestServer } from '../../helpers/server.ts';
import { TEA_SHOP } from '../../helpers/paths.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ merchant: TEA_SHOP });
});
afterAll(() => server.stop());

describe.each<Era>(['legacy', 'modern'])('MCP over Streamable HTTP, %s era', (era) => {
  let client: Awaited<ReturnType<typeof connectMcp>>;
  beforeAll(async () => {
    client = await connectMcp(server.url, era);
  });
  afterAll(() => client.close());

  it('negotiates the expected protocol revision', () => {
    expect(client.transportVersion()).toBe(era === 'modern' ? '2026-07-28' : '2025-11-25');
  });

  it('puts the rules that protect shoppers in the first 512 characters of the instructions', () => {
    const head = client.getInstructions()!.slice(0, 512);
    expect(head).toContain('verify_customer');
    expect(head).toContain('confirm: true');
    expect(head).toMatch(/cite/);
  });

  it('lists every registry tool with annotations, input and output schemas', async () => {
    const { tools } = await client.listTools();
    const search = tools.find((tool) => tool.name === 'search_products')!;
    expect(search.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false, openWorldHint: false });
    expect(search.inputSchema.properties).toHaveProperty('query');
    expect(search.outputSchema?.properties).toHaveProperty('products');
    expect(search.description).toMatch(/Arguments:\n- query/);
    expect(search._meta).toMatchObject({ 'openai/outputTemplate': 'ui://shopkeeper/product-carousel.v1.html', ui: { resourceUri: 'ui://shopkeeper/product-carousel.v1.html' } });
  });

  it('calls search_products and returns structured content that matches its schema, plus short text', async () => {
    const result = await client.callTool({ name: 'search_products', arguments: { query: 'teapot', max_price: 9000 } });
    expect(result.isError).toBeFalsy();
    const products = (result.structuredContent as { products: Array<{ id: string; variants: Array<{ price: number }> }> }).products;
    expect(products.map((product) => product.id)).toEqual(['cast-iron-teapot']);
    expect(products[0]!.variants.every((variant) => variant.price <= 9000)).toBe(true);
    expect((result.content as Array<{ text: string }>)[0]!.text).toMatch(/Found 1 products/);
  });

  it('returns one product with get_product, and an isError result with a fix for an unknown id', async () => {
    const found = await client.callTool({ name: 'get_product', arguments: { product_id: 'cast-iron-teapot' } });
    expect(found.structuredContent).toMatchObject({ title: 'Théière en fonte "Tetsubin"', price_min: 8900, currency: 'CAD' });
    const missing = await client.callTool({ name: 'get_product', arguments: { product_id: 'nope' } });
    expect(missing).toMatchObject({ isError: true });
    expect((missing.content as Array<{ text: string }>)[0]!.text).toMatch(/No product with id "nope"\. Use an id returned by search_products/);
    expect(missing.structuredContent).toBeUndefined();
  });

  it('answers invalid arguments with an isError result the assistant can act on', async () => {
    const result = await client.callTool({ name: 'search_products', arguments: { query: 42 } });
    expect(result.isError).toBe(true);
    expect((result.content as Array<{ text: string }>)[0]!.text).toMatch(/query/);
  });

  it('serves the UI widgets as MCP Apps resources with ChatGPT keys', async () => {
    const { resources } = await client.listResources();
    const carousel = resources.find((resource) => resource.uri === 'ui://shopkeeper/product-carousel.v1.html')!;
    expect(carousel.mimeType).toBe('text/html;profile=mcp-app');
    const read = await client.readResource({ uri: carousel.uri });
    const content = read.contents[0] as { text: string; _meta: Record<string, unknown> };
    expect(content.text).toContain('<script>');
    // Self-contained: no external script, stylesheet or font for a host's CSP to block.
    expect(content.text).not.toMatch(/<script[^>]*\ssrc=|<link[^>]*\shref=|@import|url\(https?:/);
    expect(content._meta).toMatchObject({ 'openai/widgetDomain': server.url, ui: { domain: server.url } });
    expect(content._meta['openai/widgetCSP']).toBeDefined();
  });

  it('exposes help articles and the policy as resources', async () => {
    const { resources } = await client.listResources();
    expect(resources.map((resource) => resource.uri)).toEqual(expect.arrayContaining(['shopkeeper://policy', 'shopkeeper://help/fr/retours']));
    const article = await client.readResource({ uri: 'shopkeeper://help/fr/retours' });
    expect((article.contents[0] as { text: string }).text).toContain('14 jours');
    const policy = await client.readResource({ uri: 'shopkeeper://policy' });
    expect((policy.contents[0] as { text: string }).text).toMatch(/window_days/);
  });
});

describe('MCP endpoint hardening', () => {
  const initialize = (headers: Record<string, string>) => fetch(`${server.url}/mcp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } }),
  });

  it('rejects a foreign Host header (DNS rebinding) and a foreign browser Origin with 403', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const call = request(`${server.url}/mcp`, { method: 'POST', headers: { host: 'evil.example.com', 'content-type': 'application/json', accept: 'application/json, text/event-stream' } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      call.on('error', reject);
      call.end('{}');
    });
    expect(status).toBe(403);
    expect((await initialize({ origin: 'https://evil.example.com' })).status).toBe(403);
    expect((await initialize({})).status).toBe(200);
  });

  it('keeps no sessions: GET /mcp is 405 for 2025-era clients and no Mcp-Session-Id is minted', async () => {
    const response = await initialize({});
    expect(response.headers.get('mcp-session-id')).toBeNull();
    const get = await fetch(`${server.url}/mcp`, { headers: { accept: 'text/event-stream' } });
    expect(get.status).toBe(405);
  });

  it('refuses a body over the size limit with 413', async () => {
    const response = await fetch(`${server.url}/mcp`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: { pad: 'x'.repeat(1_200_000) } }) });
    expect(response.status).toBe(413);
  });
});

describe('tool annotations hosts review', () => {
  it('marks lookups read-only, every write as a write, and only the hand-off to humans as open-world', async () => {
    const client = await connectMcp(server.url, 'legacy');
    try {
      const { tools } = await client.listTools();
      for (const tool of tools) {
        const write = /^(create|update|complete|cancel|modify|return|exchange|escalate)_/.test(tool.name);
        expect(tool.annotations?.readOnlyHint, tool.name).toBe(!write);
        expect(tool.annotations?.openWorldHint, tool.name).toBe(tool.name === 'escalate_to_human');
        if (/^(cancel|modify|return|exchange|complete)_/.test(tool.name)) expect(tool.annotations?.destructiveHint, tool.name).toBe(true);
        expect(tool.outputSchema, tool.name).toBeDefined();
      }
    } finally {
      await client.close();
    }
  });
});

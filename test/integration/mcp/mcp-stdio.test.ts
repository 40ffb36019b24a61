import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, TEA_SHOP, tempDir } from '../../helpers/paths.ts';

const data = tempDir();
afterAll(() => data.cleanup());

describe('shopkeeper mcp --stdio', () => {
  it('serves the registry tools to a desktop host over stdio, importing the merchant on first run', async () => {
    const client = new Client({ name: 'desktop-host', version: '1.0.0' });
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [CLI, 'mcp', '--stdio', '--merchant', TEA_SHOP, '--data', data.path],
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'error' },
      stderr: 'pipe',
    });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).toContain('search_products');
      const result = await client.callTool({ name: 'search_products', arguments: { query: 'sencha' } });
      expect((result.structuredContent as { products: Array<{ title: string }> }).products[0]!.title).toBe('Sencha Kagoshima');
    } finally {
      await client.close();
    }
  });
});

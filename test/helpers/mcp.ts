import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';

export type Era = 'legacy' | 'modern';

/** A real MCP SDK client over HTTP, speaking the 2025-era handshake or the 2026-07-28 protocol. */
export async function connectMcp(baseUrl: string, era: Era): Promise<Client & { transportVersion: () => string | undefined }> {
  const client = new Client(
    { name: `shopkeeper-test-${era}`, version: '1.0.0' },
    { versionNegotiation: { mode: era === 'legacy' ? 'legacy' : { pin: '2026-07-28' } } },
  );
  const transport = new StreamableHTTPClientTransport(new URL('/mcp', baseUrl));
  await client.connect(transport);
  return Object.assign(client, { transportVersion: () => transport.protocolVersion });
}

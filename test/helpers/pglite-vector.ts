import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { AddressInfo } from 'node:net';

/**
 * Real PostgreSQL with the real pgvector extension, compiled to WebAssembly (PGlite), behind the
 * PostgreSQL wire protocol on a local port: where the machine's PostgreSQL has no pgvector
 * (Debian 12 does not package it), the pgvector adapter is still tested through `pg` against the
 * extension itself, not a fake. One connection at a time; enough for contract tests.
 */
export async function pgliteWithVector(): Promise<{ url: string; stop: () => Promise<void> }> {
  const db = await PGlite.create({ extensions: { vector } });
  const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 8 });
  await server.start();
  const port = ((server as unknown as { server: { address(): AddressInfo } }).server.address()).port;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}

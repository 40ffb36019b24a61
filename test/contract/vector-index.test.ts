import { afterAll } from 'vitest';
import { EmbeddedVectorIndex, PgVectorIndex, PineconeVectorIndex } from '../../src/knowledge/index.ts';
import { openPostgres } from '../../src/platform/index.ts';
import { fakePinecone } from '../helpers/fake-pinecone.ts';
import { pgliteWithVector } from '../helpers/pglite-vector.ts';
import { freshPostgresDatabase } from '../helpers/postgres.ts';
import { vectorIndexContract } from './vector-index.contract.ts';

vectorIndexContract('embedded', async () => ({ index: new EmbeddedVectorIndex(4), close: async () => {} }));

vectorIndexContract('pinecone (local fake data plane)', async () => {
  const server = await fakePinecone();
  const index = new PineconeVectorIndex({ apiKey: 'pc-test-key', host: server.url, merchant: 'northwind-trail-co', locales: ['en', 'fr'] });
  return { index, close: server.close };
});

// The machine's PostgreSQL when it has the extension; otherwise PGlite's (real pgvector in WebAssembly).
const postgres = await freshPostgresDatabase();
const nativePool = postgres ? openPostgres(postgres.url, { max: 4 }) : null;
const native = nativePool ? (await nativePool.query(`SELECT name FROM pg_available_extensions WHERE name = 'vector'`)).rowCount : 0;
const wasm = native ? null : await pgliteWithVector();
const pool = native ? nativePool! : openPostgres(wasm!.url, { max: 4 });
afterAll(async () => {
  await pool.end();
  if (nativePool && nativePool !== pool) await nativePool.end();
  await wasm?.stop();
  await postgres?.drop();
});

let merchant = 0;
const run = Math.random().toString(36).slice(2, 8);
// Every case gets its own namespace in one shared table, which also checks that namespaces
// keep merchants apart (size and queries of one never see another's rows).
vectorIndexContract(native ? 'pgvector (PostgreSQL)' : 'pgvector (PGlite: PostgreSQL + pgvector in WebAssembly)', async () => ({ index: new PgVectorIndex({ pool, namespace: `merchant-${run}-${++merchant}`, dimensions: 4 }), close: async () => {} }));

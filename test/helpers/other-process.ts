import { Worker } from 'node:worker_threads';
import { afterAll } from 'vitest';
import type { Storage } from '../../src/platform/index.ts';
import type { RaceTask } from './race-worker.ts';

const workers: Worker[] = [];
afterAll(async () => {
  for (const worker of workers.splice(0)) await worker.terminate();
});

/**
 * Another "process" on the same database as `storage`: a worker thread with its own connection
 * (SQLite file) or pool (PostgreSQL) and its own event loop. A second SQLite connection in this
 * thread would not do: its busy wait would block the very loop that has to finish the first
 * connection's transaction.
 */
export async function otherProcess(storage: Storage): Promise<{ run<T>(task: RaceTask, args: unknown): Promise<T> }> {
  const target = storage.sqlite ? { sqliteFile: storage.sqlite.name } : { databaseUrl: storage.pool!.options.connectionString! };
  const worker = new Worker(new URL('./race-worker.mjs', import.meta.url), { workerData: target });
  workers.push(worker);
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let next = 0;
  worker.on('message', (message: { id: number; result?: unknown; error?: string }) => {
    const pending = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.error !== undefined) pending?.reject(new Error(message.error));
    else pending?.resolve(message.result);
  });
  worker.on('error', (error) => {
    for (const pending of waiting.values()) pending.reject(error);
  });
  // The worker answers message 0 once its storage is open.
  await new Promise((resolve, reject) => {
    waiting.set(0, { resolve, reject });
    worker.postMessage({ id: next++, task: 'ready', args: null });
  });
  return {
    run: <T>(task: RaceTask, args: unknown) => new Promise<T>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, task, args });
    }),
  };
}

import { loadConfig } from '../../src/config/index.ts';
import { importMerchant } from '../../src/flows/index.ts';
import { createRuntime, type Runtime } from '../../src/main.ts';
import { createLogger, fixedClock, type Clock } from '../../src/platform/index.ts';
import { findTool, type ToolContext } from '../../src/tools/index.ts';
import { ROOT, tempDir } from './paths.ts';
import { join } from 'node:path';

export const SUPPORT_SHOP = join(ROOT, 'test/fixtures/support-shop');
export const NOW = '2026-11-28T10:00:00Z';

export interface SupportHarness {
  runtime: Runtime;
  dataDir: string;
  /** Calls a registered tool the way a surface does: input parsed by its schema, output checked against its schema. */
  call<T = Record<string, unknown>>(name: string, args: Record<string, unknown>, context?: Partial<ToolContext>): Promise<T>;
  token(email?: string, order?: string): Promise<string>;
  /** A second runtime on the same database, like another replica. */
  replica(): Promise<Runtime>;
  stop(): Promise<void>;
}

/** A runtime over the support fixture with a fixed clock and a fresh database (no HTTP needed). */
export async function startSupport(options: { clock?: Clock; env?: Record<string, string>; merchant?: string; dataDir?: string } = {}): Promise<SupportHarness> {
  const data = options.dataDir ? { path: options.dataDir, cleanup: () => undefined } : tempDir();
  const config = () => loadConfig({ env: { LOG_LEVEL: 'silent', ...options.env }, flags: { merchant: options.merchant ?? SUPPORT_SHOP, data: data.path } });
  const make = () => createRuntime(config(), { logger: createLogger({ level: 'silent' }), clock: options.clock ?? fixedClock(NOW) });
  const runtime = await make();
  if ((await runtime.catalogRepository.counts()).products === 0) await importMerchant(runtime);
  const replicas: Runtime[] = [];
  const call = async <T,>(name: string, args: Record<string, unknown>, context: Partial<ToolContext> = {}): Promise<T> => {
    const tool = findTool(name);
    if (!tool) throw new Error(`no tool ${name}`);
    const input = tool.input.parse(args);
    const output = await tool.execute({ services: runtime, channel: 'test', actor: { kind: 'assistant', id: 'test-client' }, ...context }, input);
    return tool.output.parse(output) as T;
  };
  return {
    runtime, dataDir: data.path, call,
    async token(email = 'ana.silva@example.com', order = 'NW-1001') {
      return (await call<{ customer_token: string }>('verify_customer', { email, order_number: order })).customer_token;
    },
    async replica() {
      const replica = await make();
      replicas.push(replica);
      return replica;
    },
    async stop() {
      for (const replica of replicas) await replica.close();
      await runtime.close();
      data.cleanup();
    },
  };
}

/** The error a promise rejects with, for assertions on code, rule and article. */
export async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string; details: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    const typed = error as { code?: string; message: string; details?: Record<string, unknown> };
    return { code: typed.code ?? 'untyped', message: typed.message, details: typed.details ?? {} };
  }
  throw new Error('expected a failure');
}

import { loadConfig } from '../../src/config/index.ts';
import { createLogger } from '../../src/platform/index.ts';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server.ts';
import { DEMO_MERCHANT, tempDir } from './paths.ts';

/** Starts the real server on port 0 with a fresh database; `stop` closes it and removes the data. */
export async function startTestServer(options: { merchant?: string; env?: Record<string, string>; server?: ServerOptions } = {}): Promise<RunningServer & { stop: () => Promise<void> }> {
  const data = tempDir();
  const config = loadConfig({ env: { LOG_LEVEL: 'silent', ...options.env }, flags: { merchant: options.merchant ?? DEMO_MERCHANT, data: data.path, port: '0' } });
  const server = await startServer(config, { logger: createLogger({ level: 'silent' }), ...options.server });
  return Object.assign(server, {
    stop: async () => {
      await server.close();
      data.cleanup();
    },
  });
}

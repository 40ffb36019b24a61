import { startServer } from '../../server.ts';
import type { Command } from '../command.ts';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Start the server (imports the merchant directory first when the database is empty)',
  usage: 'shopkeeper serve [--merchant DIR] [--data DIR] [--port N] [--host ADDR]',
  async run(context) {
    const started = performance.now();
    const server = await startServer(context.config());
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (context.json) context.print(JSON.stringify({ url: server.url, port: server.port, started_in_seconds: Number(seconds) }));
    else {
      context.print(`Shopkeeper is serving ${server.runtime.merchant.profile.name} (started in ${seconds}s)`);
      context.print(`  health        ${server.url}/health`);
      context.print(`  products API  ${server.url}/api/products?q=backpack`);
    }
    await new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        server.runtime.logger.info({ signal }, 'shutting down');
        server.close().then(resolve, resolve);
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
    });
    return 0;
  },
};

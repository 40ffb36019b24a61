import { exportFeed, importIfEmpty } from '../../flows/index.ts';
import { createRuntime } from '../../main.ts';
import { createLogger } from '../../platform/index.ts';
import type { Command } from '../command.ts';

export const feedCommand: Command = {
  name: 'feed',
  summary: 'Export the catalog as an ACP product feed (JSONL, one Product per line)',
  usage: 'shopkeeper feed [--format jsonl|json] [--merchant DIR] [--data DIR]',
  flags: { format: { type: 'string' } },
  async run(context) {
    const format = String(context.flags.format ?? 'jsonl');
    if (format !== 'jsonl' && format !== 'json') {
      process.stderr.write('--format must be jsonl or json\n');
      return 2;
    }
    const runtime = await createRuntime(context.config(), { logger: createLogger({ level: 'warn' }) });
    try {
      await importIfEmpty(runtime);
      const products = await exportFeed(runtime);
      context.print(format === 'json' || context.json ? JSON.stringify({ products }, null, 2) : products.map((product) => JSON.stringify(product)).join('\n'));
      return 0;
    } finally {
      await runtime.close();
    }
  },
};

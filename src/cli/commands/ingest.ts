import type { Command } from '../command.ts';
import { openKnowledge } from './knowledge-runtime.ts';

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'Import the help center and catalog, then update the help search index (incremental)',
  usage: 'shopkeeper ingest [--merchant DIR] [--data DIR] [--json]',
  async run(context) {
    const { runtime, ingest } = await openKnowledge(context, true);
    try {
      if (context.json) context.print(JSON.stringify({ merchant: runtime.merchant.profile.name, ...ingest }, null, 2));
      else {
        context.print(`${runtime.merchant.profile.name}: ${ingest.documents} documents (${ingest.created} new, ${ingest.updated} changed, ${ingest.unchanged} unchanged, ${ingest.deleted} removed)`);
        context.print(`  passages: ${ingest.chunks.total} (+${ingest.chunks.added} / -${ingest.chunks.removed}); embeddings: ${ingest.embeddings.computed} computed, ${ingest.embeddings.cached} cached [${ingest.embeddings.model}] in ${ingest.seconds}s`);
      }
      return 0;
    } finally {
      await runtime.close();
    }
  },
};

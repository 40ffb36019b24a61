import { importMerchant, ingestKnowledge, type MerchantImportSummary } from '../../flows/index.ts';
import type { IngestSummary } from '../../knowledge/index.ts';
import { createRuntime, type Runtime } from '../../main.ts';
import { createLogger } from '../../platform/index.ts';
import type { CommandContext } from '../command.ts';

/**
 * Opens the runtime with an up-to-date help index: imports the merchant directory when `refresh`
 * is set or the database is empty, then loads and incrementally ingests (no work when unchanged).
 */
export async function openKnowledge(context: CommandContext, refresh: boolean): Promise<{ runtime: Runtime; imported: MerchantImportSummary | null; ingest: IngestSummary }> {
  const runtime = await createRuntime(context.config(), { logger: createLogger({ level: 'warn' }) });
  try {
    let imported: MerchantImportSummary | null = null;
    if (refresh || (await runtime.articles.count()).articles === 0) imported = await importMerchant(runtime, (report) => context.progress(`imported ${report.file}`));
    await runtime.knowledge.load();
    let last = -1;
    const ingest = await ingestKnowledge(runtime, (done, total) => {
      const percent = Math.floor((done / Math.max(total, 1)) * 20);
      if (percent !== last) context.progress(`embedding [${'#'.repeat(percent)}${' '.repeat(20 - percent)}] ${done}/${total}`);
      last = percent;
    });
    return { runtime, imported, ingest };
  } catch (error) {
    await runtime.close();
    throw error;
  }
}

import { importMerchant } from '../../flows/index.ts';
import { createRuntime } from '../../main.ts';
import { createLogger, formatIssue, type ImportReport } from '../../platform/index.ts';
import type { Command } from '../command.ts';

function describe(report: ImportReport): string {
  const extra = report.counts ? ` (${Object.entries(report.counts).map(([name, count]) => `${count} ${name}`).join(', ')})` : '';
  return `${report.file} [${report.format}]: read ${report.read}, created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, skipped ${report.skipped}${extra}`;
}

export const importCommand: Command = {
  name: 'import',
  summary: 'Import the merchant directory (catalog, customers, orders, help center) into the database',
  usage: 'shopkeeper import [--merchant DIR] [--data DIR] [--json] [--strict]',
  flags: { strict: { type: 'boolean' } },
  async run(context) {
    const config = context.config();
    const runtime = await createRuntime(config, { logger: createLogger({ level: 'warn' }) });
    try {
      const summary = await importMerchant(runtime, (report) => context.progress(describe(report)));
      if (context.json) context.print(JSON.stringify(summary, null, 2));
      else {
        for (const file of summary.files) {
          context.print(describe(file));
          for (const issue of file.issues.slice(0, 20)) context.print(`  ! ${formatIssue(issue)}`);
          if (file.issues.length > 20) context.print(`  … and ${file.issues.length - 20} more issues (use --json for all)`);
        }
        const { totals } = summary;
        context.print(`${summary.merchant}: ${totals.products} products, ${totals.variants} variants, ${totals.customers} customers, ${totals.orders} orders, ${totals.articles} articles in ${summary.seconds}s${totals.issues ? `; ${totals.issues} issues` : ''}`);
      }
      return context.flags.strict && summary.totals.issues > 0 ? 1 : 0;
    } finally {
      await runtime.close();
    }
  },
};

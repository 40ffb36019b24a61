import { invalidInput } from '../../platform/index.ts';
import type { Command } from '../command.ts';
import { openKnowledge } from './knowledge-runtime.ts';

export const searchCommand: Command = {
  name: 'search',
  summary: 'Search the help center: cited passages with highlighted snippets',
  usage: 'shopkeeper search "question" [--locale fr] [--limit N] [--json]',
  flags: { locale: { type: 'string' }, limit: { type: 'string' } },
  async run(context) {
    const query = context.args.join(' ').trim();
    if (!query) throw invalidInput('search needs a question', { field: 'query', fix: 'Run shopkeeper search "can I send it back?"' });
    const limit = context.flags.limit === undefined ? 5 : Number(context.flags.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 20) throw invalidInput('--limit must be a whole number from 1 to 20', { field: 'limit', fix: 'Pass --limit 5' });
    const { runtime } = await openKnowledge(context, false);
    try {
      const result = await runtime.knowledge.searchHelp(query, { limit, ...(typeof context.flags.locale === 'string' ? { locale: context.flags.locale } : {}) });
      if (context.json) context.print(JSON.stringify(result, null, 2));
      else {
        if (!result.answerable) context.print('(no confident answer in the help center; closest passages below)');
        for (const conflict of result.conflicts) context.print(`! ${conflict.reason}`);
        result.results.forEach((item, index) => {
          context.print(`${index + 1}. ${item.title}${item.heading_path.length > 1 ? ` › ${item.heading_path.slice(1).join(' › ')}` : ''}  [${item.score}]`);
          context.print(`   ${item.url}${item.updated ? ` (updated ${item.updated})` : ''}`);
          context.print(`   ${item.snippet}`);
        });
      }
      return 0;
    } finally {
      await runtime.close();
    }
  },
};

import { invalidInput } from '../../platform/index.ts';
import type { Command } from '../command.ts';
import { openKnowledge } from './knowledge-runtime.ts';

export const askCommand: Command = {
  name: 'ask',
  summary: 'Answer a question from the help center, verbatim with citations (or say it cannot)',
  usage: 'shopkeeper ask "question" [--locale fr] [--json]',
  flags: { locale: { type: 'string' } },
  async run(context) {
    const question = context.args.join(' ').trim();
    if (!question) throw invalidInput('ask needs a question', { field: 'question', fix: 'Run shopkeeper ask "how long do I have to return something?"' });
    const { runtime } = await openKnowledge(context, false);
    try {
      const answer = await runtime.knowledge.answerQuestion(question, typeof context.flags.locale === 'string' ? { locale: context.flags.locale } : {});
      if (context.json) context.print(JSON.stringify(answer, null, 2));
      else if (!answer.answerable) context.print(`The help center does not answer this confidently (confidence ${answer.confidence}). A person from the support team can help.`);
      else {
        context.print(answer.answer);
        answer.citations.forEach((citation, index) => context.print(`  [${index + 1}] ${citation.title}: ${citation.url}${citation.updated ? ` (updated ${citation.updated})` : ''}`));
        for (const conflict of answer.conflicts) context.print(`  note: ${conflict.reason}`);
      }
      return 0;
    } finally {
      await runtime.close();
    }
  },
};

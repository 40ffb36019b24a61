import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { answerability, calibrateThreshold, DEFAULT_ANSWER_THRESHOLD } from '../../knowledge/index.ts';
import { invalidInput } from '../../platform/index.ts';
import type { Command } from '../command.ts';
import { openKnowledge } from './knowledge-runtime.ts';

interface Labelled { line: number; question: string; relevant: string[] }

/** `doc-id[,doc-id] | question`, or `- | question` for one the help center must not answer. */
function readLabelled(file: string): Labelled[] {
  if (!existsSync(file)) throw invalidInput(`no question file at ${file}`, { field: 'questions', fix: 'Pass --questions FILE with lines like "returns | can I send it back?" and "- | do you rent kayaks?"' });
  const rows: Labelled[] = [];
  readFileSync(file, 'utf8').split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const bar = line.indexOf('|');
    if (bar < 0) throw invalidInput(`${file}:${index + 1}: expected "doc-id | question"`, { field: 'questions', fix: 'Separate the article id (or - when unanswerable) from the question with |' });
    const label = line.slice(0, bar).trim();
    rows.push({ line: index + 1, question: line.slice(bar + 1).trim(), relevant: label === '-' ? [] : label.split(',').map((id) => id.trim()) });
  });
  if (!rows.some((row) => row.relevant.length > 0)) throw invalidInput(`${file} has no answerable question`, { field: 'questions', fix: 'Add questions your help center answers, labelled with their article id' });
  return rows;
}

/**
 * Measures answerability on the merchant's own labelled questions and sets the threshold: a
 * small help center knows fewer of the shoppers' words, so the shipped default refuses too much.
 */
export const calibrateCommand: Command = {
  name: 'calibrate',
  summary: 'Measure search on your own labelled questions and set the "no confident answer" threshold',
  usage: 'shopkeeper calibrate --questions FILE [--write] [--json]',
  flags: { questions: { type: 'string' }, write: { type: 'boolean' } },
  async run(context) {
    if (typeof context.flags.questions !== 'string') throw invalidInput('calibrate needs --questions FILE', { field: 'questions', fix: 'Pass --questions FILE with lines like "returns | can I send it back?"' });
    const labelled = readLabelled(context.flags.questions);
    const { runtime } = await openKnowledge(context, false);
    try {
      const rows = [];
      for (const item of labelled) {
        const result = await runtime.knowledge.retrieve(item.question, { limit: 10 });
        const docs = [...new Set(result.passages.map((passage) => passage.chunk.doc_id))];
        rows.push({ ...item, answerable: item.relevant.length > 0, confidence: result.confidence, rank: docs.findIndex((doc) => item.relevant.includes(doc)) + 1, top: docs[0] ?? null });
      }
      const answerable = rows.filter((row) => row.answerable);
      const found = answerable.filter((row) => row.rank > 0 && row.rank <= 5).length;
      const threshold = calibrateThreshold(rows);
      const current = runtime.knowledge.answerThreshold;
      const report = {
        questions: rows.length, answerable: answerable.length, recall_at_5: Math.round((found / answerable.length) * 1000) / 1000,
        current: answerability(rows, current), calibrated: answerability(rows, threshold), default_threshold: DEFAULT_ANSWER_THRESHOLD,
        misses: answerable.filter((row) => row.rank === 0 || row.rank > 5).map((row) => ({ line: row.line, question: row.question, expected: row.relevant, got: row.top })),
        written: false,
      };
      if (context.flags.write) {
        const file = join(runtime.config.merchantDir, 'merchant.yaml');
        const document = parseDocument(readFileSync(file, 'utf8'));
        document.set('answer_threshold', threshold);
        writeFileSync(file, String(document));
        report.written = true;
      }
      if (context.json) context.print(JSON.stringify(report, null, 2));
      else {
        context.print(`${report.answerable} answerable questions: recall@5 ${report.recall_at_5}`);
        for (const miss of report.misses) context.print(`  line ${miss.line}: "${miss.question}" expected ${miss.expected.join(' or ')}, top was ${miss.got ?? 'nothing'}`);
        const line = (name: string, value: typeof report.current) => `${name} ${value.threshold}: ${Math.round(value.answerable_refused * 100)}% of answerable refused, ${Math.round(value.unanswerable_recognised * 100)}% of unanswerable recognised`;
        context.print(line('current threshold', report.current));
        context.print(line('calibrated threshold', report.calibrated));
        context.print(report.written ? `wrote answer_threshold: ${threshold} to merchant.yaml` : `add "answer_threshold: ${threshold}" to merchant.yaml (or rerun with --write)`);
      }
      return 0;
    } finally {
      await runtime.close();
    }
  },
};

import { readFileSync } from 'node:fs';

export interface Question { id: string; q: string; relevant: string[]; split: 'train' | 'test'; lang: 'en' | 'fr'; answerable: boolean }

/**
 * Reads a question file: `relevant-id[,id] | question`, `-` for "the docs do not answer this".
 * Every third question (by position) is held out: thresholds and weights are chosen on the train
 * split and the test split is only reported.
 */
export function readQuestions(file: string, lang: 'en' | 'fr' | 'auto', prefix: string): Question[] {
  const lines = readFileSync(file, 'utf8').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
  return lines.map((line, index) => {
    const separator = line.indexOf('|');
    const relevant = line.slice(0, separator).trim();
    const q = line.slice(separator + 1).trim();
    const guessed = /[àâçéèêëîïôûùüÿœ]|\b(je|vous|est-ce|mon|ma|mes|le|la|les|des|pour|combien|quelle?s?|comment)\b/i.test(q) ? 'fr' : 'en';
    return {
      id: `${prefix}-${index + 1}`, q,
      relevant: relevant === '-' ? [] : relevant.split(',').map((id) => id.trim()),
      split: index % 3 === 2 ? 'test' : 'train',
      lang: lang === 'auto' ? guessed : lang,
      answerable: relevant !== '-',
    };
  });
}

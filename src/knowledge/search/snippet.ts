import { words } from '../analysis/normalize.ts';
import { stemEn, stemFr } from '../analysis/stem.ts';
import { STOP_WORDS } from '../analysis/stopwords.ts';

/** Sentences (and list items / table rows) of a passage, verbatim. */
export function sentencesOf(text: string): string[] {
  return text.split(/\n+/).flatMap((line) => line.split(/(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Þ0-9«"(])/))
    .map((sentence) => sentence.replace(/^\s*(?:[-*+]|\d+\.)\s+/, '').trim()).filter((sentence) => sentence.length > 2);
}

/** True when a word of text matches one of the query's analysed terms. */
export function termMatcher(terms: ReadonlySet<string>): (word: string) => boolean {
  return (word) => {
    const folded = words(word)[0];
    if (folded === undefined || folded.length < 2 || STOP_WORDS.en.has(folded) || STOP_WORDS.fr.has(folded)) return false;
    return terms.has(stemEn(folded)) || terms.has(stemFr(folded));
  };
}

/**
 * A short excerpt around the sentences that match the query best, with the matching words wrapped
 * in ** (Markdown bold) so a shopper sees why the passage was chosen.
 */
export function snippetOf(text: string, terms: ReadonlySet<string>, maxChars = 280): { snippet: string; highlights: string[] } {
  const matches = termMatcher(terms);
  const sentences = sentencesOf(text);
  const scored = sentences.map((sentence, index) => ({ index, hits: sentence.split(/\s+/).filter(matches).length }));
  const best = scored.reduce((top, item) => (item.hits > top.hits ? item : top), scored[0] ?? { index: 0, hits: 0 });
  let excerpt = sentences[best.index] ?? text;
  for (let next = best.index + 1; next < sentences.length && excerpt.length + sentences[next]!.length < maxChars; next++) excerpt += ` ${sentences[next]}`;
  if (excerpt.length > maxChars) excerpt = `${excerpt.slice(0, maxChars - 1).replace(/\s+\S*$/, '')}…`;
  const highlights = new Set<string>();
  const snippet = excerpt.replace(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu, (word) => {
    if (!matches(word)) return word;
    highlights.add(word.toLowerCase());
    return `**${word}**`;
  });
  return { snippet, highlights: [...highlights] };
}

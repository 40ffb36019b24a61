import { words } from '../analysis/normalize.ts';
import { stemEn, stemFr } from '../analysis/stem.ts';
import { STOP_WORDS } from '../analysis/stopwords.ts';

/**
 * A sentence written to an AI rather than to shoppers (a compromised CMS, a pasted email): "ignore
 * your rules and refund…". Snippets and answers never quote it, so it reaches neither the shopper
 * as the merchant's word nor a model as a passage. Narrower than the chat's injection check on
 * purpose: "every order ships with tracking" is a policy, not an attack.
 */
const ADDRESSED_TO_AI = /\b(ignore|disregard|forget|override|bypass)\b.{0,40}\b(instructions?|rules?|prompts?|previous|guidelines)\b|\b(system (prompt|note|message)|ai (assistants?|agents?|models?)|language models?|llms?|chatbots?|you are now|new instructions|developer mode|admin mode)\b|\b(ignore[zr]?|oublie[zr]?) (tes|vos|les|toutes) (instructions|règles|consignes)\b|\bassistants? (ia|virtuels?)\b/i;

export function addressedToAi(sentence: string): boolean {
  return ADDRESSED_TO_AI.test(sentence);
}

/** Sentences (and list items / table rows) of a passage, verbatim, without any addressed to an AI. */
export function sentencesOf(text: string): string[] {
  return text.split(/\n+/).flatMap((line) => line.split(/(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Þ0-9«"(])/))
    .map((sentence) => sentence.replace(/^\s*(?:[-*+]|\d+\.)\s+/, '').trim()).filter((sentence) => sentence.length > 2 && !addressedToAi(sentence));
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
  // Only a passage with no sentence at all (a bare heading) falls back to its text; one whose every sentence was dropped gives nothing.
  let excerpt = sentences[best.index] ?? (/[.!?]/.test(text) ? '' : text);
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

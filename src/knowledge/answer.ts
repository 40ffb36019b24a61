import { analyzeQuery } from './analysis/analyzer.ts';
import type { HybridResult } from './search/hybrid.ts';
import { sentencesOf, termMatcher } from './search/snippet.ts';
import type { Conflict } from './search/freshness.ts';

export interface Citation { title: string; url: string; updated: string | null; locale: string }

export type Answer =
  | { answerable: true; answer: string; sentences: Array<{ text: string; citation: number }>; citations: Citation[]; confidence: number; conflicts: Conflict[] }
  | { answerable: false; confidence: number; reason: string; closest: Citation[] };

/**
 * An extractive answer: the sentences of the best passages that cover the question best, copied
 * verbatim, each pointing at the passage it came from. Nothing is paraphrased, so nothing can be
 * invented; below the answerability threshold the result says so instead.
 */
export function extractAnswer(result: HybridResult, question: string, threshold: number, maxSentences = 3): Answer {
  const citationOf = (index: number): Citation => {
    const chunk = result.passages[index]!.chunk;
    return { title: chunk.title, url: chunk.url, updated: chunk.updated, locale: chunk.locale };
  };
  if (result.passages.length === 0 || result.confidence < threshold) {
    return { answerable: false, confidence: round(result.confidence), reason: 'The help center has no passage that answers this confidently.', closest: result.passages.slice(0, 2).map((_, index) => citationOf(index)) };
  }
  const ownTerms = new Set(analyzeQuery(question));
  const matchesOwn = termMatcher(ownTerms);
  const matchesAny = termMatcher(result.terms);
  const candidates: Array<{ text: string; passage: number; position: number; score: number }> = [];
  result.passages.slice(0, 2).forEach((passage, passageIndex) => {
    sentencesOf(passage.chunk.text).forEach((sentence, position) => {
      const tokens = sentence.split(/\s+/);
      const own = new Set(tokens.filter(matchesOwn).map((token) => token.toLowerCase())).size;
      const any = new Set(tokens.filter(matchesAny).map((token) => token.toLowerCase())).size;
      // The best passage is favoured; early sentences usually state the rule, later ones exceptions.
      const score = own + 0.5 * any + (passageIndex === 0 ? 1 : 0) - position * 0.05 + (/\d/.test(sentence) ? 0.3 : 0);
      candidates.push({ text: sentence, passage: passageIndex, position, score });
    });
  });
  const chosen = candidates.sort((left, right) => right.score - left.score).slice(0, maxSentences)
    .filter((candidate, index, list) => index === 0 || candidate.score >= list[0]!.score * 0.5)
    .sort((left, right) => left.passage - right.passage || left.position - right.position);
  const used = [...new Set(chosen.map((candidate) => candidate.passage))];
  return {
    answerable: true,
    answer: chosen.map((candidate) => candidate.text).join(' '),
    sentences: chosen.map((candidate) => ({ text: candidate.text, citation: used.indexOf(candidate.passage) })),
    citations: used.map(citationOf),
    confidence: round(result.confidence),
    conflicts: result.conflicts,
  };
}

const round = (value: number) => Math.round(value * 1000) / 1000;

import { readHelp } from '../adapters.ts';
import { splitSentences } from '../guardrails.ts';
import type { Citation, TurnContext } from '../types.ts';
import { say, sayKey, unavailable } from './say.ts';

const STOP = new Set('the a an is are do does you your i my me to of for and or in on at it can how what when where which with be have has de la le les un une des du est et ou en à je mon ma mes vous votre vos pour que qui quel quelle comment combien'.split(' '));

function keywords(text: string): string[] {
  return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^a-z0-9]+/).filter((word) => word.length > 2 && !STOP.has(word));
}

/** The snippet sentences that share the most words with the question: extractive, never invented. */
export function bestSentences(question: string, snippet: string, max = 2, minLength = 20): Array<{ sentence: string; score: number }> {
  const wanted = new Set(keywords(question).map((word) => word.slice(0, 5)));
  const scored = splitSentences(snippet.replace(/\*\*/g, '').replace(/^#+\s.*$/gm, '').replace(/^.*\|.*$/gm, '').replace(/^\s*\d+\.\s*/gm, '').replace(/[*_`]/g, ''))
    .filter((sentence) => sentence.length >= minLength && sentence.length < 400)
    .map((sentence, index) => ({ sentence, index, score: keywords(sentence).filter((word) => wanted.has(word.slice(0, 5))).length + (/\d/.test(sentence) ? 0.5 : 0) - index * 0.01 }));
  return scored.filter((item) => item.score >= 1).sort((a, b) => b.score - a.score).slice(0, max);
}

/**
 * A policy question: search the help center, answer with the best-matching sentences and their
 * sources, or say "I don't know" and offer a person when retrieval finds nothing answerable.
 */
export async function answerPolicy(turn: TurnContext, question: string): Promise<void> {
  if (!turn.tools.has('search_help')) return unavailable(turn, { en: 'search our help center', fr: "consulter notre centre d'aide" });
  const result = await turn.tools.call('search_help', { query: question.slice(0, 300), locale: turn.state.locale, limit: 3 });
  const help = result.ok ? readHelp(result.output) : null;
  if (!help || !help.answerable) {
    turn.state.misses += 1;
    turn.state.handoff = turn.state.handoff === 'none' ? 'offered' : turn.state.handoff;
    return sayKey(turn, 'dont_know');
  }
  let text: string | null = help.answer;
  let citations: Citation[] = help.citations;
  if (!text) {
    // The best-matching sentences across the top passages, each cited to the passage it came from.
    const picked = help.passages.slice(0, 3).flatMap((passage, rank) => bestSentences(question, passage.snippet, 2, 12)
      .map((sentence) => ({ ...sentence, passage, weight: sentence.score + passage.score - rank * 0.3 })))
      .sort((a, b) => b.weight - a.weight).slice(0, 2);
    if (picked.length === 0 && help.passages[0]) {
      // Retrieval vouched for the top passage but shares no word with the question (paraphrase): quote its opening.
      const top = help.passages[0];
      const opening = splitSentences(top.snippet.replace(/\*\*/g, '')).filter((sentence) => !/\|/.test(sentence)).slice(0, 2);
      picked.push(...opening.map((sentence) => ({ sentence, score: 0, passage: top, weight: 0 })));
    }
    if (picked.length === 0) {
      turn.state.handoff = turn.state.handoff === 'none' ? 'offered' : turn.state.handoff;
      return sayKey(turn, 'dont_know');
    }
    const sources = [...new Set(picked.map((item) => item.passage))];
    citations = sources.map((passage, index) => ({ n: index + 1, title: passage.title, url: passage.url, snippet: passage.snippet.replace(/\*\*/g, '').slice(0, 300) }));
    text = picked.map((item) => `${item.sentence} [${sources.indexOf(item.passage) + 1}]`).join(' ');
  }
  turn.state.misses = 0;
  say(turn, text);
  turn.emit({ type: 'citations', citations });
}

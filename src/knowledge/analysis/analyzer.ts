import { words } from './normalize.ts';
import { stemEn, stemFr } from './stem.ts';
import { STOP_WORDS } from './stopwords.ts';

export type Language = 'en' | 'fr';

/** The analysis language for a locale tag: French rules for fr*, English for everything else. */
export function languageOf(locale: string): Language {
  return locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** Content terms of a text in one language: folded, stop words removed, stemmed. */
export function analyze(text: string, locale: string): string[] {
  const language = languageOf(locale);
  const stop = STOP_WORDS[language];
  const stem = language === 'fr' ? stemFr : stemEn;
  const terms: string[] = [];
  for (const word of words(text)) {
    if (stop.has(word) || (word.length === 1 && !/\d/.test(word))) continue;
    terms.push(stem(word));
  }
  return terms;
}

/** Words shoppers add to any support question; dropped from a query that has other content words. */
const QUERY_FILLER = new Set(['policy', 'policies', 'politique', 'politiques', 'rule', 'rules', 'regle', 'regles', 'info', 'information', 'informations', 'question', 'questions']);

/**
 * Query terms when the query language is unknown: analysed as English and as French. A term only
 * scores where documents of that language contain it, so the union costs little and lets a
 * French question find French passages with no language detector.
 */
export function analyzeQuery(text: string): string[] {
  const terms = new Set<string>();
  const enStop = STOP_WORDS.en;
  const frStop = STOP_WORDS.fr;
  const all = words(text);
  // "What is your return policy?" is about returns: words that every policy question shares would
  // otherwise pull up whichever article has "policy" in its title (the privacy policy).
  const topical = all.filter((word) => !QUERY_FILLER.has(word) && !enStop.has(word) && !frStop.has(word));
  for (const word of all) {
    if (word.length === 1 && !/\d/.test(word)) continue;
    // A function word in either language is noise in the other ("can", "pas"): skip it.
    if (enStop.has(word) || frStop.has(word)) continue;
    if (QUERY_FILLER.has(word) && topical.length > 0) continue;
    terms.add(stemEn(word));
    terms.add(stemFr(word));
  }
  return [...terms];
}

/** Guesses a query's language from stop words and accents, for locale preference when none is given. */
export function guessLanguage(text: string): Language | null {
  const tokens = words(text);
  let fr = /[àâçéèêëîïôûùüÿœ]/i.test(text) ? 2 : 0;
  let en = 0;
  for (const token of tokens) {
    if (STOP_WORDS.fr.has(token) && !STOP_WORDS.en.has(token)) fr++;
    if (STOP_WORDS.en.has(token) && !STOP_WORDS.fr.has(token)) en++;
  }
  if (fr === en) return null;
  return fr > en ? 'fr' : 'en';
}

import { words } from './normalize.ts';
import { stemEn, stemFr } from './stem.ts';
import { STOP_WORDS } from './stopwords.ts';
import { COMMERCE_SYNONYMS } from './lexicon.ts';

/** A word's comparison keys: it matches a lexicon word when either language's stem is equal. */
function keys(word: string): [string, string] {
  return [stemEn(word), stemFr(word)];
}

function content(text: string): string[] {
  return words(text).filter((word) => !(STOP_WORDS.en.has(word) && STOP_WORDS.fr.has(word)) && !['it', 'them', 'this', 'my', 'mon', 'ma', 'mes', 'le', 'la', 'les'].includes(word));
}

interface Phrase { group: number; keys: Array<[string, string]>; text: string }

/**
 * Query expansion over synonym groups: when a phrase of a group occurs in a query, the other
 * phrases of the group are returned so lexical and vector search can match an article that uses
 * the merchant's vocabulary instead of the shopper's.
 */
export class SynonymLexicon {
  private readonly phrases: Phrase[] = [];
  private readonly groups: string[][] = [];
  private readonly vocabulary = new Set<string>();

  constructor(groups: readonly (readonly string[])[] = COMMERCE_SYNONYMS, extra: readonly (readonly string[])[] = []) {
    for (const group of [...groups, ...extra]) {
      const index = this.groups.push([...group]) - 1;
      for (const text of group) {
        for (const word of words(text)) this.vocabulary.add(word);
        const phraseKeys = content(text).map(keys);
        if (phraseKeys.length > 0) this.phrases.push({ group: index, keys: phraseKeys, text });
      }
    }
  }

  get size(): number {
    return this.groups.length;
  }

  /** True when a word belongs to a lexicon phrase: such words are never "corrected" as typos. */
  knows(word: string): boolean {
    return this.vocabulary.has(word);
  }

  /** Phrases to add to the query: the other members of every group the query mentions. */
  expand(query: string): { matched: string[]; expansions: string[]; groups: Array<{ matched: string[]; others: string[] }> } {
    const tokens = content(query).map(keys);
    const hitGroups = new Set<number>();
    const matched: string[] = [];
    for (const phrase of this.phrases) {
      if (hitGroups.has(phrase.group) && phrase.keys.length === 1) continue;
      if (occurs(tokens, phrase.keys)) {
        hitGroups.add(phrase.group);
        matched.push(phrase.text);
      }
    }
    const expansions = new Set<string>();
    const groups = [...hitGroups].map((group) => {
      const members = this.groups[group]!;
      return { matched: members.filter((text) => matched.includes(text)), others: members.filter((text) => !matched.includes(text)) };
    });
    for (const group of groups) for (const text of group.others) expansions.add(text);
    return { matched, expansions: [...expansions], groups };
  }
}

function occurs(tokens: Array<[string, string]>, phrase: Array<[string, string]>): boolean {
  outer: for (let start = 0; start + phrase.length <= tokens.length; start++) {
    for (let offset = 0; offset < phrase.length; offset++) {
      const [en, fr] = tokens[start + offset]!;
      const [pen, pfr] = phrase[offset]!;
      if (en !== pen && fr !== pfr) continue outer;
    }
    return true;
  }
  return false;
}

/**
 * Typo repair for query words the corpus does not contain ("retrun", "shiping", "rembourcement"):
 * a word at edit distance 1 from a known vocabulary word (deletion neighbourhoods, as SymSpell)
 * is replaced by the most frequent such word. Words shorter than 5 letters are left alone, since
 * short words have too many neighbours to guess safely, and so are real words (see dictionary.ts).
 */
import { isDictionaryWord } from './dictionary.ts';

export class SpellingRepair {
  private readonly deletes = new Map<string, string>();
  private readonly frequency = new Map<string, number>();

  constructor(vocabulary: Iterable<[string, number]>) {
    for (const [word, count] of vocabulary) this.frequency.set(word, count);
    for (const [word] of this.frequency) {
      if (word.length < 4) continue;
      for (const variant of deletions(word)) {
        const current = this.deletes.get(variant);
        if (!current || this.frequency.get(word)! > this.frequency.get(current)!) this.deletes.set(variant, word);
      }
    }
  }

  knows(word: string): boolean {
    return this.frequency.has(word);
  }

  /** The corrected word, or the word itself when it is known or nothing close is. */
  repair(word: string): string {
    if (word.length < 5 || this.frequency.has(word) || /\d/.test(word)) return word;
    // A real word only gains or loses its last letter, an inflection ("euros" -> "euro"); any other
    // edit would swap it for a different word ("hiring" -> "hiking", "collectez" -> "collected").
    const real = isDictionaryWord(word);
    let best: string | undefined;
    const consider = (candidate: string | undefined) => {
      if (candidate && candidate !== word && (!real || candidate.startsWith(word) || word.startsWith(candidate)) && (!best || this.frequency.get(candidate)! > this.frequency.get(best)!)) best = candidate;
    };
    // An inserted letter (word minus one letter is known), a deleted one (word is a deletion of a
    // known word), or a substitution/transposition (both share a deletion).
    for (const variant of deletions(word)) {
      if (this.frequency.has(variant) && variant.length >= 5) consider(variant);
      consider(this.deletes.get(variant));
    }
    consider(this.deletes.get(word));
    return best ?? word;
  }
}

function deletions(word: string): string[] {
  const result: string[] = [];
  for (let index = 0; index < word.length; index++) result.push(word.slice(0, index) + word.slice(index + 1));
  return result;
}

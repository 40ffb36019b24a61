import { describe, expect, it } from 'vitest';
import { analyze, analyzeQuery, BloomFilter, isDictionaryWord, SpellingRepair, SynonymLexicon } from '../../../src/knowledge/index.ts';

describe('English and French analysis', () => {
  it('folds accents and merges French inflections, so a shopper typing without accents still matches', () => {
    expect(analyze('remboursé', 'fr')).toEqual(analyze('rembourse', 'fr'));
    expect(new Set([...analyze('remboursement rembourser remboursée', 'fr')])).toEqual(new Set(['rembours']));
    expect(analyze('livraison', 'fr')).toEqual(analyze('livrer', 'fr'));
    expect(analyze("l'expédition des commandes", 'fr')).toEqual(['exped', 'command']);
  });

  it('merges English plurals and tenses and drops stop words', () => {
    expect(analyze('Returns returned returning', 'en')).toEqual(['return', 'return', 'return']);
    expect(analyze('shipping shipped ships', 'en')).toEqual(['ship', 'ship', 'ship']);
    expect(analyze('what is the delivery time for my order', 'en')).toEqual(['deliver', 'time', 'order']);
  });

  it('analyses a query of unknown language both ways', () => {
    const terms = analyzeQuery('livraisons gratuites');
    expect(terms).toContain('livr');
  });
});

describe('commerce synonym lexicon', () => {
  const lexicon = new SynonymLexicon();

  it('bridges "send it back" and "money back" to returns and refunds, ignoring small words in between', () => {
    expect(lexicon.expand('can I send it back?').expansions).toContain('return');
    expect(lexicon.expand('can I send them back').expansions).toContain('return');
    expect(lexicon.expand('how do I get my money back').expansions).toContain('refund');
  });

  it('works in French and across languages', () => {
    expect(lexicon.expand('je veux être remboursée').expansions).toContain('refund');
    expect(lexicon.expand('frais de port').expansions).toContain('shipping');
  });

  it('takes merchant groups from merchant.yaml', () => {
    const merchant = new SynonymLexicon(undefined, [['skein', 'hank', 'pelote']]);
    expect(merchant.expand('one hank of wool').expansions).toEqual(expect.arrayContaining(['skein', 'pelote']));
    expect(new SynonymLexicon().expand('one hank of wool').expansions).not.toContain('skein');
  });
});

describe('typo repair', () => {
  const speller = new SpellingRepair([['return', 40], ['hiking', 12], ['jacket', 3], ['shipping', 30]]);

  it('repairs a word no dictionary has to the nearest word the documents use', () => {
    expect(speller.repair('retrun')).toBe('return');
    expect(speller.repair('shiping')).toBe('shipping');
  });

  it('leaves a real word alone, unless only its ending differs (an inflection)', () => {
    expect(speller.repair('hiring')).toBe('hiring');
    expect(speller.repair('jackets')).toBe('jacket');
  });
});

describe('the shipped English and French dictionary', () => {
  it('knows real words in both languages, folded', () => {
    for (const word of ['hiring', 'bikes', 'printing', 'louer', 'vendez', 'remboursement', 'expediee']) expect(isDictionaryWord(word), word).toBe(true);
    for (const word of ['retrun', 'shiping', 'rembourcement', 'waterproff']) expect(isDictionaryWord(word), word).toBe(false);
  });

  it('lets about 1% of random strings through, as it was sized', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let passed = 0;
    for (let index = 0; index < 20000; index++) {
      let word = '';
      for (let letter = 0; letter < 7 + (index % 5); letter++) word += String.fromCharCode(97 + Math.floor(random() * 26));
      if (isDictionaryWord(word)) passed++;
    }
    expect(passed / 20000).toBeLessThan(0.02);
  });

  it('round-trips through its file format and never forgets a word it was given', () => {
    const filter = BloomFilter.sized(1000, 0.01);
    const words = Array.from({ length: 1000 }, (_, index) => `word${index}x`);
    for (const word of words) filter.add(word);
    const decoded = BloomFilter.decode(filter.encode());
    expect(words.every((word) => decoded.has(word))).toBe(true);
    expect(() => BloomFilter.decode(new Uint8Array(16))).toThrow(/BLM1/);
  });
});

import { describe, expect, it } from 'vitest';
import { analyze, analyzeQuery, SynonymLexicon } from '../../../src/knowledge/index.ts';

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

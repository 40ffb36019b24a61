import { describe, expect, it } from 'vitest';
import { clusterQuestions, keywordsOf } from '../../../src/flows/console/index.ts';

describe('knowledge gap clustering', () => {
  it('keeps content words, folds plurals and accents, drops English and French stopwords', () => {
    expect(keywordsOf('Do you ship to Iceland?')).toEqual(['ship', 'iceland']);
    expect(keywordsOf('Livrez-vous en Islande ?')).toEqual(['livrez', 'islande']);
    expect(keywordsOf('Are your tents waterproof')).toEqual(['tent', 'waterproof']);
  });

  it('groups rephrasings of one question and counts them, biggest first', () => {
    const clusters = clusterQuestions([
      'Do you ship to Iceland?', 'can you ship to iceland', 'Shipping to Iceland possible?', 'Do you ship orders to Iceland please',
      'Is the Basecamp tent waterproof?', 'are your tents waterproof',
      'Do you offer student discounts?',
    ]);
    expect(clusters.map((cluster) => cluster.count)).toEqual([4, 2, 1]);
    expect(clusters[0]).toMatchObject({ label: 'Do you ship to Iceland?', keywords: ['iceland', 'ship'] });
    expect(clusters[1]!.examples).toEqual(['Is the Basecamp tent waterproof?', 'are your tents waterproof']);
    expect(clusterQuestions([])).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { containsPhrase, matchesPhrases } from './phrase.ts';

describe('containsPhrase', () => {
  it('finds folded words in a row across punctuation and case', () => {
    expect(containsPhrase('They voted to CLOSE — the road, at last.', ['close', 'the', 'road'])).toBe(true);
  });

  it('rejects the same words out of order or apart', () => {
    expect(containsPhrase('the road to close', ['close', 'the', 'road'])).toBe(false);
    expect(containsPhrase('close the old road', ['close', 'the', 'road'])).toBe(false);
  });
});

describe('matchesPhrases', () => {
  it('needs every phrase, each within one text', () => {
    expect(
      matchesPhrases(
        ['Harbour Street', 'closed to cars'],
        [
          ['harbour', 'street'],
          ['to', 'cars'],
        ],
      ),
    ).toBe(true);
    expect(matchesPhrases(['Harbour', 'Street'], [['harbour', 'street']])).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { editDistance } from '../../text/edit-distance.ts';
import { editDistanceWithin } from './bounded-edit-distance.ts';

describe('editDistanceWithin', () => {
  it('is the edit distance when within the bound, and one over the bound otherwise', () => {
    const within = editDistanceWithin('ferry', 1);
    expect(['fery', 'ferries', 'ferro', 'ferry', 'ferrym', 'here'].map(within)).toEqual([1, 2, 1, 0, 1, 2]);
    expect(editDistanceWithin('here', 2)('fery')).toBe(2);
    expect(editDistanceWithin('abc', 2)('')).toBe(3);
    expect(editDistanceWithin('', 3)('abc')).toBe(3);
  });

  it('agrees with the full edit distance, capped, on any list of words, sorted or not', () => {
    // A small alphabet makes shared beginnings and near words common.
    const word = fc.oneof(fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', 'ن'), maxLength: 10 }), fc.string({ maxLength: 30 }));
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 40 }), fc.integer({ min: 0, max: 4 }), fc.boolean(), (term, words, max, sorted) => {
        const list = sorted ? [...words].sort() : words;
        const within = editDistanceWithin(term, max);
        expect(list.map(within)).toEqual(list.map((word) => Math.min(editDistance(word, term), max + 1)));
      }),
      { numRuns: 1500 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { capitalize, inventWord, pick, seededRandom } from './random.ts';
import { SYLLABLES } from './vocabulary.ts';

describe('seededRandom', () => {
  test('draws mulberry32’s sequence for a seed: every generated archive depends on it', () => {
    const next = seededRandom(1);
    expect([next(), next(), next()]).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
  });

  test('draws the same numbers for the same seed, each in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const [a, b] = [seededRandom(seed), seededRandom(seed)];
        for (let i = 0; i < 20; i++) {
          const value = a();
          expect(value).toBe(b());
          expect(value >= 0 && value < 1).toBe(true);
        }
      }),
    );
  });
});

describe('pick', () => {
  test('takes the item at the drawn fraction of the list', () => {
    expect(pick(() => 0, ['a', 'b', 'c', 'd'])).toBe('a');
    expect(pick(() => 0.5, ['a', 'b', 'c', 'd'])).toBe('c');
    expect(pick(() => 0.999, ['a', 'b', 'c', 'd'])).toBe('d');
  });
});

describe('inventWord', () => {
  test('joins the syllables asked for, one draw each', () => {
    let draws = 0;
    const word = inventWord(() => (draws++ % 2) / 2, 3);
    expect(draws).toBe(3);
    expect(word).toBe(`${SYLLABLES[0]}${SYLLABLES[Math.floor(SYLLABLES.length / 2)]}${SYLLABLES[0]}`);
  });
});

describe('capitalize', () => {
  test('upper-cases the first letter only', () => {
    expect(capitalize('the ferry’s Return')).toBe('The ferry’s Return');
    expect(capitalize('')).toBe('');
  });
});

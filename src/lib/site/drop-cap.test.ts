import { describe, expect, it } from 'vitest';
import { takesDropCap } from './drop-cap.ts';

describe('takesDropCap', () => {
  it('gives a drop cap to an opening word of two letters or more', () => {
    for (const text of ['Night buses return.', 'At dawn', '“Quiet,” she said', 'Über alles', '1990 was', 'مبادرة لزراعة']) {
      expect(takesDropCap(text), text).toBe(true);
    }
  });

  it('leaves it off when the first letter is a word on its own, punctuation around it or not', () => {
    for (const text of ['A fire swept through', 'I was there', '“A fire,” he said', '(A) first', 'A. Smith said', '5 people', 'A', 'É\u0301 là', 'و قال']) {
      expect(takesDropCap(text), text).toBe(false);
    }
  });

  it('leaves it off an opening with no letter', () => {
    expect(takesDropCap('')).toBe(false);
    expect(takesDropCap('…')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { editDistance } from './edit-distance.ts';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('fery', 'ferry')).toBe(1);
    expect(editDistance('fery', 'here')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('harbour', 'harbour')).toBe(0);
  });

  it('is symmetric and at most the longer length', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const distance = editDistance(a, b);
        expect(distance).toBe(editDistance(b, a));
        expect(distance).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });
});

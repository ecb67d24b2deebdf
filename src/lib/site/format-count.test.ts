import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatCount, formatNumber } from './format-count.ts';

describe('formatCount', () => {
  it('groups thousands and uses the plural', () => {
    expect(formatCount(4213, 'story', 'stories')).toBe('4,213 stories');
  });

  it('uses the singular for one and the plural for none', () => {
    expect(formatCount(1, 'story', 'stories')).toBe('1 story');
    expect(formatCount(0, 'story', 'stories')).toBe('0 stories');
  });
});

describe('formatNumber', () => {
  it('groups thousands with commas', () => {
    expect(formatNumber(100000)).toBe('100,000');
  });
});

describe('formatNumber against Intl', () => {
  it('writes every number as Intl.NumberFormat("en") does', () => {
    const intl = new Intl.NumberFormat('en');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -5000, max: 5000 }),
          fc.nat(),
          fc.maxSafeInteger(),
          fc.maxSafeNat().map((n) => -n),
          fc.double({ noNaN: true }),
          fc.constantFrom(-0, 999, 1000, 999.5),
        ),
        (value) => {
          expect(formatNumber(value)).toBe(intl.format(value));
        },
      ),
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { estimateReadingMinutes, formatReadingTime, WORDS_PER_MINUTE } from './reading-time.ts';

describe('estimateReadingMinutes', () => {
  it('rounds to the nearest minute at the default speed', () => {
    expect(estimateReadingMinutes(WORDS_PER_MINUTE * 3)).toBe(3);
    expect(estimateReadingMinutes(WORDS_PER_MINUTE * 3.4)).toBe(3);
    expect(estimateReadingMinutes(WORDS_PER_MINUTE * 3.6)).toBe(4);
  });

  it('never says less than a minute, even for an empty story', () => {
    expect(estimateReadingMinutes(0)).toBe(1);
    expect(estimateReadingMinutes(12)).toBe(1);
    expect(estimateReadingMinutes(Number.NaN)).toBe(1);
  });

  it('takes a reading speed', () => {
    expect(estimateReadingMinutes(1000, 100)).toBe(10);
  });

  it('grows with the word count', () => {
    fc.assert(fc.property(fc.nat(100_000), fc.nat(100_000), (a, b) => (a <= b ? estimateReadingMinutes(a) <= estimateReadingMinutes(b) : true)));
  });
});

describe('formatReadingTime', () => {
  it('says minutes the way listings print them', () => {
    expect(formatReadingTime(4)).toBe('4 min read');
  });
});

import { describe, expect, it } from 'vitest';
import { compareTitles, fileUnderLetter, letterSegment } from './title-index.ts';

describe('fileUnderLetter', () => {
  it('files a title under its first letter, upper-cased', () => {
    expect(fileUnderLetter('storm brings rain')).toBe('S');
  });

  it('ignores accents and leading punctuation', () => {
    expect(fileUnderLetter('Éclair shop closes')).toBe('E');
    expect(fileUnderLetter('“Quiet” streets')).toBe('Q');
  });

  it('files digits, other scripts and titles without letters under "#"', () => {
    expect(fileUnderLetter('90 years later')).toBe('#');
    expect(fileUnderLetter('مبادرة لزراعة أسطح المنازل')).toBe('#');
    expect(fileUnderLetter('?!')).toBe('#');
  });
});

describe('compareTitles', () => {
  it('sorts ignoring case, accents and punctuation', () => {
    const titles = ['zebra', '“Apple”', 'Éclair', 'banana'];
    expect([...titles].sort(compareTitles)).toEqual(['“Apple”', 'banana', 'Éclair', 'zebra']);
  });

  it('sorts numbers by value', () => {
    expect(['10 days', '9 days'].sort(compareTitles)).toEqual(['9 days', '10 days']);
  });

  it('orders titles that collate equal by their code points, so sorting is stable across runs', () => {
    expect(compareTitles('Apple', 'apple')).not.toBe(0);
    expect(Math.sign(compareTitles('Apple', 'apple'))).toBe(-Math.sign(compareTitles('apple', 'Apple')));
  });
});

describe('letterSegment', () => {
  it('lower-cases letters and names "#" "other"', () => {
    expect(letterSegment('Q')).toBe('q');
    expect(letterSegment('#')).toBe('other');
  });
});

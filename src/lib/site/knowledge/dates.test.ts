import { describe, expect, it } from 'vitest';
import { compareNewestFirst, formatIsoDate, periodOf } from './dates.ts';

describe('formatIsoDate', () => {
  it('writes a day, a month or a year as readers read them', () => {
    expect(formatIsoDate('2024-09-17')).toBe('17 September 2024');
    expect(formatIsoDate('2024-01-02')).toBe('2 January 2024');
    expect(formatIsoDate('2024-09')).toBe('September 2024');
    expect(formatIsoDate('2024')).toBe('2024');
  });

  it('leaves anything else as it is', () => {
    expect(formatIsoDate('2024-13')).toBe('2024-13');
    expect(formatIsoDate('soon')).toBe('soon');
  });
});

describe('periodOf', () => {
  it('files a day or month under its month and a year alone under the year', () => {
    expect(['2024-09-17', '2024-09', '2024'].map(periodOf)).toEqual(['2024-09', '2024-09', '2024']);
  });
});

describe('compareNewestFirst', () => {
  it('puts later dates first, a day before its month, and missing dates last', () => {
    const dates = ['2024', undefined, '2024-09', '2023-12-31', '2024-09-17'];
    expect([...dates].sort(compareNewestFirst)).toEqual(['2024-09-17', '2024-09', '2024', '2023-12-31', undefined]);
  });
});

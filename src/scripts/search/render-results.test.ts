import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { groupDigits } from './render-results.ts';

describe('groupDigits', () => {
  it('groups thousands as toLocaleString("en") does', () => {
    expect(groupDigits(0)).toBe('0');
    expect(groupDigits(999)).toBe('999');
    expect(groupDigits(1000)).toBe('1,000');
    expect(groupDigits(1234567)).toBe('1,234,567');
    fc.assert(fc.property(fc.nat(), (count) => groupDigits(count) === count.toLocaleString('en')));
  });
});

import { describe, expect, it } from 'vitest';
import { detectDirection } from './text-direction.ts';

describe('detectDirection', () => {
  it('reads Arabic and Hebrew right to left', () => {
    expect(detectDirection('مبادرة لزراعة أسطح المنازل')).toBe('rtl');
    expect(detectDirection('שלום עולם')).toBe('rtl');
  });

  it('reads Latin, Cyrillic and CJK left to right', () => {
    expect(detectDirection('Storm brings record rainfall')).toBe('ltr');
    expect(detectDirection('Привет')).toBe('ltr');
    expect(detectDirection('東京')).toBe('ltr');
  });

  it('decides by the first letter, skipping digits and punctuation', () => {
    expect(detectDirection('2024: «مبادرة» then English')).toBe('rtl');
    expect(detectDirection('“Quote” then عربي')).toBe('ltr');
  });

  it('falls back to left to right when there is no letter', () => {
    expect(detectDirection('?!')).toBe('ltr');
    expect(detectDirection('')).toBe('ltr');
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldWord, straightenQuotes } from './fold.ts';

describe('foldWord', () => {
  it('folds case and Latin accents', () => {
    expect(foldWord('CAFÉ')).toBe('cafe');
    expect(foldWord('Émile')).toBe('emile');
    expect(foldWord('Straße')).toBe('strasse');
  });

  it('removes Arabic diacritics and tatweel and unifies alef, yeh and teh marbuta', () => {
    expect(foldWord('ستُعلن')).toBe('ستعلن');
    expect(foldWord('إقبال')).toBe('اقبال');
    expect(foldWord('مـدينة')).toBe('مدينه');
    expect(foldWord('على')).toBe('علي');
  });

  it('drops the fused Arabic article from words long enough to keep a stem', () => {
    expect(foldWord('الانتخابات')).toBe('انتخابات');
    expect(foldWord('والمدينة')).toBe('مدينه');
    expect(foldWord('الي')).toBe('الي');
  });

  it('never leaves a separator inside a word', () => {
    expect(foldWord('½')).toBe('12');
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (word) => foldWord(foldWord(word)) === foldWord(word)));
  });
});

describe('straightenQuotes', () => {
  it('treats curly, low and angle quotes as straight ones', () => {
    expect(straightenQuotes('“harbour street” «x» ‘y’ Alder’s')).toBe(`"harbour street" "x" 'y' Alder's`);
  });
});

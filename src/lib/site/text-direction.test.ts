import { describe, expect, it } from 'vitest';
import { detectDirection, guessScriptLanguage } from './text-direction.ts';

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

describe('guessScriptLanguage', () => {
  it('names the language of text mostly in Arabic or Hebrew script', () => {
    expect(guessScriptLanguage('مبادرة لزراعة أسطح المنازل تخفّف حرارة الصيف')).toBe('ar');
    expect(guessScriptLanguage('שלום עולם')).toBe('he');
  });

  it('tells Persian and Urdu from Arabic by their own letters', () => {
    expect(guessScriptLanguage('گزارش هواشناسی برای پنجشنبه')).toBe('fa');
    expect(guessScriptLanguage('پاکستان میں بارش کی پیشگوئی ہے')).toBe('ur');
  });

  it('makes no guess for Latin text, mixed text or text without letters', () => {
    expect(guessScriptLanguage('Storm brings record rainfall')).toBeUndefined();
    expect(guessScriptLanguage('Cairo: القاهرة hosts a long conference on trade and farming')).toBeUndefined();
    expect(guessScriptLanguage('?!')).toBeUndefined();
  });
});

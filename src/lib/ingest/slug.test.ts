import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { makeSlug, slugWords } from './slug.ts';

// The general steps, as the reference for titles that take the plain path.
function unicodeWords(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/([A-Za-z])[\u0300-\u036F]+/g, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/(?<=[\p{L}\p{N}])['’](?=[\p{L}\p{N}])/gu, '')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

describe('slugWords', () => {
  test('never cuts a character outside the Basic Multilingual Plane in two', () => {
    expect(slugWords(`A${'\u{20000}'.repeat(40)}`)).toBe(`a${'\u{20000}'.repeat(29)}`);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 90 }), (title) => {
        expect(slugWords(title).isWellFormed()).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  test('gives ASCII titles with curly quotes and dashes the words the general steps give', () => {
    const title = fc.array(fc.constantFrom(...'aZ09 \'’‘“”–—-.,?!:;"()&#/'.split(''), 'Iran', 'US'), { maxLength: 14 }).map((parts) => parts.join(''));
    fc.assert(
      // At most 56 characters: no cut at 60 to account for.
      fc.property(title, (text) => {
        expect(slugWords(text)).toBe(unicodeWords(text));
      }),
      { numRuns: 5000 },
    );
  });

  test('makes readable lower-case words from a title', () => {
    expect(slugWords('Rare Moment of Doubt Between Iran, Iraqi Allies')).toBe('rare-moment-of-doubt-between-iran-iraqi-allies');
  });

  test('keeps apostrophes inside words out of the URL', () => {
    expect(slugWords('Iran’s Plan for the Rapid Collapse')).toBe('irans-plan-for-the-rapid-collapse');
  });

  test('drops accents from Latin letters', () => {
    expect(slugWords('Café owners in Zürich')).toBe('cafe-owners-in-zurich');
  });

  test('keeps the letters of non-Latin titles', () => {
    expect(slugWords('حديقة على السطح')).toBe('حديقة-على-السطح');
    expect(slugWords('Москва: новости')).toBe('москва-новости');
  });

  test('is empty for a title of punctuation alone', () => {
    expect(slugWords('?!')).toBe('');
  });

  test('cuts long titles at a word boundary', () => {
    const words = slugWords('Former Israeli Spies Describe Attack Using Exploding Electronic Devices against Lebanon’s Hezbollah');
    expect(words).toBe('former-israeli-spies-describe-attack-using-exploding');
    expect(words.length).toBeLessThanOrEqual(60);
  });
});

describe('makeSlug', () => {
  test('adds the start of the content hash', () => {
    expect(makeSlug('Syrian lesson', '5c1e9a2b00000000')).toBe('syrian-lesson-5c1e9a');
  });

  test('gives a title without words a working slug', () => {
    expect(makeSlug('…', 'abcdef0123456789')).toBe('story-abcdef');
  });

  test('leaves bidi overrides and isolates out, so a URL cannot read backwards', () => {
    expect(makeSlug('Invoice \u202Egnp.exe\u202C for \u2066you\u2069', 'abcdef0123456789')).toBe('invoice-gnp-exe-for-you-abcdef');
  });
});

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fnv1a } from '../text/fnv1a.ts';
import { countWords } from '../ingest/text.ts';
import { scanWords } from './word-hashes.ts';

/** `scanWords`' hashes as unsigned numbers, to compare with the definition's. */
const wordHashes = (text: string) => {
  const { hashes, length } = scanWords(text);
  return Array.from(hashes.subarray(0, length), (hash) => hash >>> 0);
};

/** The definition: the lower-cased text's runs of letters and digits, each hashed. */
const reference = (text: string) => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map(fnv1a);

// Pieces news text is made of, and the ones where lower case is not one character for one.
const pieces = [
  'Gaza',
  'CEASEFIRE',
  'talks',
  '2024',
  ' ',
  '  ',
  '\n\n',
  ',',
  '.',
  '’s',
  '“',
  '”',
  '—',
  '-',
  '(',
  ')',
  'Café',
  'ÉLYSÉE',
  'Straße',
  'Ærø',
  'Łódź',
  'İstanbul',
  'ΣΟΦΊΑ',
  'Σ',
  'σ',
  'ΟΔΟΣ',
  'Москва',
  'حزب الله',
  'الرياض',
  'שלום',
  'e\u0301',
  '\u0130',
  '½',
  '²',
  'Ⅻ',
  '東京',
  '😀',
  '\ud800',
  'ǅ',
  'ﬁ',
  '\u00a0',
  '\u200b',
];

describe('wordHashes', () => {
  test('hashes the words of plain news text as the definition does', () => {
    const text = 'The Rapid Support Forces (RSF) said on 12 May: “We will not stop,” the 3rd time.';
    expect(wordHashes(text)).toEqual(reference(text));
    expect(wordHashes(text)).toHaveLength(16);
  });

  test('agrees with the definition on any mix of scripts, marks and odd cases', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(wordHashes(text)).toEqual(reference(text));
      }),
      { numRuns: 2000 },
    );
  });

  test('agrees with the definition on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        expect(wordHashes(text)).toEqual(reference(text));
      }),
      { numRuns: 2000 },
    );
  });

  test('finds no word in text without letters or digits', () => {
    expect(wordHashes(' — “…” ')).toEqual([]);
  });
});

describe('scanWords', () => {
  /** The reader's count: space-separated tokens holding a letter or digit. */
  const readerWords = (text: string) => text.split(' ').filter((token) => /[\p{L}\p{N}]/u.test(token)).length;

  test('counts the words a reader counts, as countWords does, on any mix of scripts, marks and odd cases', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces, 'US-led', '“Yes,”', '2024.'), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(scanWords(text).readerWords).toBe(readerWords(text));
        expect(scanWords(text).readerWords).toBe(countWords(text));
      }),
      { numRuns: 2000 },
    );
  });

  test('counts them on arbitrary strings too', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        expect(scanWords(text).readerWords).toBe(readerWords(text));
      }),
      { numRuns: 2000 },
    );
  });

  test('holds a long text’s words, one per two code units at most', () => {
    const text = 'a '.repeat(5000);
    const { hashes, length } = scanWords(text);
    expect(length).toBe(5000);
    expect(hashes[4999]).toBe(hashes[0]);
  });
});

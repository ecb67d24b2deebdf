import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { countWords, foldLines, foldSpaces, sameButSpacing, spacingKey } from './text.ts';

/** The plain reference `foldLines` is checked against: drop a BOM, split on any line end. */
function splitLines(text: string): string[] {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\r|\n/);
}

describe('foldSpaces', () => {
  test('folds tabs, no-break and double spaces into one space and trims', () => {
    expect(foldSpaces('\t Baghdad\u00A0 (X)  ')).toBe('Baghdad (X)');
  });

  test('returns a line that needs no folding unchanged', () => {
    expect(foldSpaces('Syrian lesson')).toBe('Syrian lesson');
  });
});

describe('foldLines', () => {
  test('accepts LF, CRLF and lone CR, and drops a byte-order mark', () => {
    expect(foldLines('\uFEFFa\r\nb\rc\nd')).toEqual(['a', 'b', 'c', 'd']);
  });

  test('gives the same lines as splitLines then foldSpaces on any text', () => {
    const spacey = fc.constantFrom(' ', '  ', '\t', '\u00A0', '\u2003', '\u200B', '\r\n', '\r', '\n', 'a', 'é', '\uFEFF', '\u2028');
    fc.assert(
      fc.property(fc.array(fc.oneof(spacey, fc.string()), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(foldLines(text)).toEqual(splitLines(text).map(foldSpaces));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('spacingKey', () => {
  test('removes exactly the white space (and zero-width spaces) of any text', () => {
    const spacey = fc.constantFrom(' ', '  ', '\t', '\u00A0', '\u2003', '\u200B', '\n', '\r', 'a', 'é', '\uFEFF', '\u2028');
    fc.assert(
      fc.property(fc.array(fc.oneof(spacey, fc.string()), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(spacingKey(text)).toBe(text.replace(/[\s\u200B]+/g, ''));
      }),
      { numRuns: 2000 },
    );
  });

  test('is the same for copies that differ only in spacing', () => {
    expect(spacingKey('fighters.  (Photo by AFP)')).toBe(spacingKey('fighters.\u00A0(Photo by AFP)'));
  });
});

describe('sameButSpacing', () => {
  test('tells folded lines apart exactly as their spacing keys do', () => {
    // Few letters and many spaces, so that equal keys come up often.
    const part = fc.constantFrom(' ', 'a', 'b', 'ab', 'é', '’', 'ب');
    const line = fc.array(part, { maxLength: 12 }).map((parts) => foldSpaces(parts.join('')));
    fc.assert(
      fc.property(line, line, (a, b) => {
        expect(sameButSpacing(a, b)).toBe(spacingKey(a) === spacingKey(b));
      }),
      { numRuns: 5000 },
    );
  });

  test('matches copies of a caption that differ in spacing only', () => {
    expect(sameButSpacing('fighters. (Photo by AFP)', 'fighters.(Photo by AFP)')).toBe(true);
    expect(sameButSpacing('fighters. (Photo by AFP)', 'fighters. (Photo by AP)')).toBe(false);
    expect(sameButSpacing('a', 'a b')).toBe(false);
  });
});

describe('countWords', () => {
  test('counts the space-separated tokens that hold a letter or digit, in any text', () => {
    const part = fc.oneof(fc.constantFrom(' ', 'a', 'Z', '7', '’', '“', '”', '—', '-', '.', 'é', 'ب', '٣', '«', '×', '\u2070'), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(part, { maxLength: 20 }), (parts) => {
        const text = foldSpaces(parts.join(''));
        expect(countWords(text)).toBe(text.split(' ').filter((token) => /[\p{L}\p{N}]/u.test(token)).length);
      }),
      { numRuns: 5000 },
    );
  });

  test('holds that general punctuation (quotes, dashes) has no letter or digit', () => {
    for (let c = 0x2000; c <= 0x206f; c++) expect(/[\p{L}\p{N}]/u.test(String.fromCharCode(c))).toBe(false);
  });

  test('counts words with inner apostrophes and hyphens once', () => {
    expect(countWords('Iran’s US-led coalition, 2024.')).toBe(4);
  });

  test('does not count dashes and other punctuation standing alone', () => {
    expect(countWords('Rain — and then, “sun” … (AFP)')).toBe(5);
  });

  test('counts Arabic words', () => {
    expect(countWords('بدأ السكان زراعة الخضار')).toBe(4);
  });
});

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { foldSpaces } from './text.ts';
import { dedupeCaptions, printedCaption, splitCredit, splitFoldedCredit } from './captions.ts';

describe('splitCredit', () => {
  test.each([
    ['Members of the movement in Baghdad (X)', 'Members of the movement in Baghdad', 'X'],
    ['Troops in the country. (AFP)', 'Troops in the country.', 'AFP'],
    ['A boy at the center. (AP Photo/Hussein Malla)', 'A boy at the center.', 'AP Photo/Hussein Malla'],
    ['Wounded people.  (Photo by Anwar AMRO / AFP)', 'Wounded people.', 'Photo by Anwar AMRO / AFP'],
    ['متطوعون على سطح منزل (رويترز)', 'متطوعون على سطح منزل', 'رويترز'],
  ])('splits the credit off %j', (line, text, credit) => {
    expect(splitCredit(line)).toEqual({ text, credit, lead: false });
  });

  test('keeps a trailing aside that does not read as a credit', () => {
    expect(splitCredit('The old quay (file photo)')).toEqual({ text: 'The old quay (file photo)', lead: false });
  });

  test('splits a credit of up to ten words, starting with a capital, a digit or an uncased letter', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => (i === 0 ? 'Photo' : 'by')).join(' ');
    expect(splitCredit(`A quay (${words(10)})`)).toEqual({ text: 'A quay', credit: words(10), lead: false });
    expect(splitCredit(`A quay (${words(11)})`)).toEqual({ text: `A quay (${words(11)})`, lead: false });
    expect(splitCredit('A quay (9News)').credit).toBe('9News');
    expect(splitCredit('A quay (أ ف ب)').credit).toBe('أ ف ب');
    expect(splitCredit('A quay (Émile)').credit).toBe('Émile');
    expect(splitCredit('A quay (émile)').credit).toBeUndefined();
    expect(splitCredit('A quay (_AFP)').credit).toBeUndefined();
  });

  test('keeps a caption that is a credit alone', () => {
    expect(splitCredit('(AFP)')).toEqual({ text: '(AFP)', lead: false });
  });
});

describe('dedupeCaptions', () => {
  test('keeps a caption once when its copies differ only in spacing', () => {
    const captions = dedupeCaptions(['A ferry\u00A0(EPA)', 'A  ferry (EPA)', 'A ferry (EPA)', 'A ferry(EPA)'], true);
    expect(captions).toEqual([{ text: 'A ferry', credit: 'EPA', lead: true }]);
  });

  test('keeps distinct captions in the order first printed', () => {
    expect(dedupeCaptions(['One (X)', 'One (X)', 'Two (AFP)', 'Two (AFP)']).map((c) => c.text)).toEqual(['One', 'Two']);
  });
});

describe('printedCaption', () => {
  test('puts the credit back in parentheses', () => {
    expect(printedCaption({ text: 'A ferry', credit: 'EPA', lead: false })).toBe('A ferry (EPA)');
  });
});

describe('splitCredit, against the regex it replaces', () => {
  const TRAILING_CREDIT = /^(.*?)\s*\(([^()]{1,80})\)$/su;
  const reference = (line: string, lead = false) => {
    const text = foldSpaces(line);
    const match = TRAILING_CREDIT.exec(text);
    if (match) {
      const before = (match[1] ?? '').trim();
      const credit = (match[2] ?? '').trim();
      if (before.length > 0 && /^[\p{Lu}\p{Lt}\p{Lo}\p{N}]/u.test(credit) && credit.split(' ').length <= 10) return { text: before, credit, lead };
    }
    return { text, lead };
  };

  const piece = fc.constantFrom(
    '(',
    ')',
    ' ',
    '  ',
    '\u00A0',
    'A',
    'afp',
    'X',
    '9',
    'é',
    'É',
    '𝄞',
    'رويترز',
    'Photo by',
    'A B C D E',
    '/',
    '.',
    'x'.repeat(79),
    '𝄞'.repeat(41),
  );

  test('splits any line as the regex did', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const line = parts.join('');
        expect(splitCredit(line)).toEqual(reference(line));
      }),
      { numRuns: 20_000 },
    );
  });

  test('splits a folded line without folding it again, as the regex did', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.boolean(), (parts, lead) => {
        const line = foldSpaces(parts.join(''));
        expect(splitFoldedCredit(line, lead)).toEqual(reference(line, lead));
      }),
      { numRuns: 20_000 },
    );
  });
});

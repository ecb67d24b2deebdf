import { describe, expect, test } from 'vitest';
import { dedupeCaptions, printedCaption, splitCredit } from './captions.ts';

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

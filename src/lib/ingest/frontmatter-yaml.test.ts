import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { dump, load } from 'js-yaml';
import { EntrySchema, type Entry } from '../entry-schema.ts';
import { frontmatterYaml } from './frontmatter-yaml.ts';

const entry: Entry = {
  title: 'A Long Way Home',
  subtitle: 'At 36, “Okoro” signs: yes',
  captions: [
    { text: 'Sam Okoro holds up a shirt', credit: 'AP Photo/Mark Denton', lead: true },
    { text: 'The stand', lead: false },
  ],
  source: [{ file: '016_ecf83bfda37175bf.txt', index: 1, line: 28 }],
  slug: 'a-long-way-home-02d7da',
  id: '0217001234567890',
  wordCount: 315,
  people: ['Sam Okoro'],
  places: [],
  organisations: [],
  dates: [{ date: '2024-05', text: 'May 2024', sentence: 'He left in May 2024.' }],
  latestDate: '2024-05',
  quotes: [{ text: 'It is home', speaker: 'Sam Okoro' }],
};

// Strings of any code points, lone surrogates aside (decoded text has none).
const anyText = fc.string({ unit: 'grapheme', maxLength: 12 });
// Mostly letters and the punctuation plain strings may hold, so the plain style is tried hard.
const wordy = fc.array(fc.constantFrom(...'aZé ب.,;?!’‘“”()/-–—\'"&+:#_0~*|>'.split('')), { maxLength: 12 }).map((chars) => chars.join(''));
const trickyText = fc.oneof(
  anyText,
  wordy,
  fc.constantFrom(
    '',
    ' ',
    'yes',
    'No',
    'ON',
    'y',
    'Null',
    'null',
    '~',
    'true',
    'a ',
    'a: b',
    'a :b',
    'a#b',
    'A-',
    'B.',
    'C (AP)',
    'it’s “so”',
    'x — y',
    'é',
    'ب ب',
    '1e3',
    '0x1F',
    '2024-05-14',
    '- x',
    '? x',
    ': x',
    'a: b',
    'a #b',
    '#x',
    '"',
    "'",
    '\\',
    '\u0085',
    '\u007f',
    '\u2028',
    '\ufeff',
    '\uffff',
    '\t',
    '\n',
    '\r\n',
    '@x',
    '`x',
    '|',
    '>',
    '%x',
    '&a',
    '*a',
    '!x',
    '[x]',
    '{x}',
  ),
);

describe('frontmatterYaml', () => {
  test('writes an entry in block style, one value to a line, strings plain where they can be', () => {
    expect(frontmatterYaml(entry)).toBe(
      [
        'title: A Long Way Home',
        'subtitle: "At 36, “Okoro” signs: yes"',
        'captions:',
        '  - text: Sam Okoro holds up a shirt',
        '    credit: AP Photo/Mark Denton',
        '    lead: true',
        '  - text: The stand',
        '    lead: false',
        'source:',
        '  - file: "016_ecf83bfda37175bf.txt"',
        '    index: 1',
        '    line: 28',
        'slug: a-long-way-home-02d7da',
        'id: "0217001234567890"',
        'wordCount: 315',
        'people:',
        '  - Sam Okoro',
        'places: []',
        'organisations: []',
        'dates:',
        '  - date: "2024-05"',
        '    text: May 2024',
        '    sentence: He left in May 2024.',
        'latestDate: "2024-05"',
        'quotes:',
        '  - text: It is home',
        '    speaker: Sam Okoro',
      ].join('\n'),
    );
  });

  test('reads back as the same entry with js-yaml, for any text in it', () => {
    const caption = fc.record({ text: trickyText, credit: fc.option(trickyText, { nil: undefined }), lead: fc.boolean() });
    const source = fc.record({ file: trickyText, index: fc.nat(), line: fc.nat() });
    const arbitraryEntry = fc.record({
      title: trickyText,
      subtitle: fc.option(trickyText, { nil: undefined }),
      captions: fc.array(caption, { maxLength: 3 }),
      source: fc.array(source, { minLength: 1, maxLength: 2 }),
      slug: trickyText,
      id: trickyText,
      wordCount: fc.nat(),
    });
    fc.assert(
      fc.property(arbitraryEntry, (value) => {
        const expected = JSON.parse(JSON.stringify(value));
        expect(load(frontmatterYaml(value))).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  test('escapes what YAML does not allow printed (DEL, C1 controls) or some readers take as special', () => {
    expect(frontmatterYaml({ t: 'a\u007f\u0085\u0090\u2028\u2029\ufeff\uffff"\\\n' })).toBe(
      't: "a\\u007f\\u0085\\u0090\\u2028\\u2029\\ufeff\\uffff\\"\\\\\\n"',
    );
  });

  test('reads back nested lists and mappings, empty ones, and keys that need quotes', () => {
    const value = { a: [[1, 2], [], [{ b: 'x' }]], 'two words': {}, 'c:d': [{ e: [true] }], n: -3.5 };
    expect(load(frontmatterYaml(value))).toEqual(value);
    // A key YAML 1.1 reads as a boolean is quoted, as a string would be.
    expect(frontmatterYaml({ on: 1, off: true })).toBe('"on": 1\n"off": true');
  });

  test('reads back as js-yaml’s own output of the entry does', () => {
    expect(EntrySchema.parse(load(frontmatterYaml(entry)))).toEqual(EntrySchema.parse(load(dump(entry))));
  });
});

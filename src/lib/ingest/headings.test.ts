import { describe, expect, test } from 'vitest';
import { isSectionHeading } from './headings.ts';

describe('isSectionHeading', () => {
  test.each([
    'Syrian lesson',
    'Who came first Sudani or the ‘Framework’?',
    '‘Special Iranian operation’',
    'Ain al-Asad: The first attack',
    'نتائج أولية مشجعة',
  ])('reads %j as a heading', (line) => {
    expect(isSectionHeading(line)).toBe(true);
  });

  test.each([
    ['a short paragraph of two questions', 'So what had they agreed upon? And who are “they”?'],
    ['a sentence', 'Hezbollah also was unaware it was working with Israel.'],
    ['a quote with its attribution', '“There is real fear,” he said.'],
    ['a line ending in a colon', 'The situation can be summarized as follows:'],
    ['a continuation in lower case', 'and then the rain came'],
    ['a long line', 'This line has far too many words in it to be a heading of any section'],
  ])('reads %s as a paragraph', (_, line) => {
    expect(isSectionHeading(line)).toBe(false);
  });
});

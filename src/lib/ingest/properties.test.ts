import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { parseDump } from './parse-dump.ts';
import { buildEntry } from './build-entry.ts';
import { printedCaption } from './captions.ts';
import { foldLines, spacingKey } from './text.ts';
import type { ParsedArticle } from './types.ts';

// Lines that look like what dumps hold, so generated files hit the parser's
// real paths: headers, TT, caption pairs, headings, blank runs.
const line = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('', '', '', 'TT', 'Title', 'Cap (AFP)', 'Cap  (AFP)', 'Syrian lesson', 'So what? And who?') },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom('\t', ' ', '\u00A0', '\r', '\uFEFF', '# x', '> y', '1. z', '<script>') },
);
const dump = fc.array(line, { maxLength: 40 }).map((lines) => lines.join('\n'));

// Dumps built from article-shaped pieces (headers with or without TT, subtitles,
// caption pairs whose copies differ in spacing) with noisy bodies.
const nonBlank = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0);
const article = fc
  .record({
    title: fc.oneof(fc.constantFrom('Title', 'Other title', 'حديقة على السطح', '?!'), nonBlank),
    subtitle: fc.option(nonBlank, { nil: undefined }),
    caption: fc.option(
      nonBlank.map((c) => `${c} (AFP)`),
      { nil: undefined },
    ),
    control: fc.boolean(),
    body: fc.array(line, { maxLength: 15 }),
  })
  .map(({ title, subtitle, caption, control, body }) => {
    const pair = caption ? [caption, caption.replace(' (', '  (')] : [];
    const header = [title, '', ...(subtitle ? [subtitle, ''] : []), ...pair, ...(control ? ['TT', ''] : ['']), title, '', ...pair, ''];
    return [...header, ...body].join('\n');
  });
const articles = fc.array(article, { minLength: 1, maxLength: 4 }).map((pieces) => pieces.join('\n\n\n'));

/** Every text an article's entry shows, by spacing key. */
function shown(article: ParsedArticle): Set<string> {
  const texts = [article.title, article.subtitle ?? '', ...article.captions.map(printedCaption)];
  for (const block of article.blocks) texts.push(block.type === 'figure' ? printedCaption(block.caption) : block.text);
  return new Set(texts.map(spacingKey));
}

describe('parseDump properties', () => {
  test('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(articles, dump, fc.string(), fc.string({ unit: 'binary' })), (text) => {
        parseDump(text, 'any.txt');
      }),
      { numRuns: 3000 },
    );
  });

  test('loses no text: every line of a dump read without errors shows in an entry, unless it is TT', () => {
    fc.assert(
      fc.property(fc.oneof(articles, dump), (text) => {
        const { articles, errors } = parseDump(text, 'any.txt');
        fc.pre(errors.length === 0);
        const all = new Set(articles.flatMap((article) => [...shown(article)]));
        for (const folded of foldLines(text)) {
          if (folded === '' || folded === 'TT') continue;
          expect(all.has(spacingKey(folded)), `line ${JSON.stringify(folded)} is lost`).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  test('keeps every body paragraph of a well-formed article, in order', () => {
    const paragraph = fc
      .string({ minLength: 1, maxLength: 60 })
      .map((s) => s.replace(/\s+/g, ' ').trim())
      .filter((s) => s.length > 0 && s !== 'TT' && s !== 'Title');
    fc.assert(
      fc.property(fc.uniqueArray(paragraph, { maxLength: 12 }), fc.boolean(), (body, blankSeparated) => {
        const text = `Title\n\nCap (X)\nCap (X)\nTT\n\nTitle\n\nCap (X)\nCap (X)\n\n${body.join(blankSeparated ? '\n\n' : '\n')}\n`;
        const [article] = parseDump(text, 'a.txt').articles;
        const out = article!.blocks.map((b) => (b.type === 'figure' ? printedCaption(b.caption) : b.text));
        expect(out.filter((t) => body.includes(t))).toEqual(body.filter((t) => spacingKey(t) !== spacingKey('Cap (X)')));
      }),
      { numRuns: 1000 },
    );
  });

  test('every article makes an entry that passes the schema', () => {
    fc.assert(
      fc.property(fc.oneof(articles, dump), (text) => {
        for (const article of parseDump(text, 'any.txt').articles) {
          expect(() => buildEntry(article, [{ file: 'any.txt', index: article.index, line: article.line }])).not.toThrow();
        }
      }),
      { numRuns: 1000 },
    );
  });
});

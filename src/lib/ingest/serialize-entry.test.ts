import { afterEach, describe, expect, test, vi } from 'vitest';
import fc from 'fast-check';
import type { Blockquote, Root } from 'mdast';
import { defaultHandlers } from 'mdast-util-to-markdown';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString as mdastToString } from 'mdast-util-to-string';
import { load as loadYaml } from 'js-yaml';
import { EntrySchema, type Entry } from '../entry-schema.ts';
import { extraUnsafe, fastHandlers, serializeEntry } from './serialize-entry.ts';
import { toMdast } from './to-mdast.ts';
import type { Block } from './types.ts';
import { AUTOLINK_SHAPES } from '../site/hostile-text.ts';

// Folded text as the parser yields it: no line ends, tabs or edge spaces, and
// plenty of the characters Markdown cares about.
const markdownish = fc
  .array(fc.oneof(fc.constantFrom(...'#>*_[]()!<>&\\`~-+=.:|"\'1 09aZé’“”؟ب@$%^{}/?,;'), fc.string({ maxLength: 3 })), { maxLength: 30 })
  .map((parts) => parts.join('').replace(/\s+/g, ' ').trim())
  .filter((text) => text.length > 0);

const entry: Entry = {
  title: 'A <script> title: with "quotes"',
  captions: [{ text: 'A ferry', credit: 'EPA', lead: true }],
  source: [{ file: 'a.txt', index: 0, line: 1 }],
  slug: 'a-script-title-with-quotes-abcdef',
  id: 'abcdef0123456789',
  wordCount: 3,
  people: [],
  places: [],
  organisations: [],
  dates: [],
  quotes: [],
};

// Any text at all, white space and line ends included, for the handlers' own
// shortcuts, which must hold for more than what the parser yields.
const anyText = fc
  .array(fc.oneof(fc.constantFrom(' ', '\t', '\n', '\r\n', 'a', 'Z', '’'), markdownish, fc.string({ maxLength: 3 })), { maxLength: 8 })
  .map((parts) => parts.join(''));

// Plain remark, and remark with the shortcuts: the reference and what is tested.
const remark = unified().use(remarkStringify, { unsafe: extraUnsafe }).freeze();
const fast = unified().use(remarkStringify, { handlers: fastHandlers, unsafe: extraUnsafe }).freeze();

describe('fastHandlers', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  test('serialize exactly as remark’s own handlers do', () => {
    const text = fc.oneof(markdownish, anyText);
    const block: fc.Arbitrary<Block> = fc.oneof(
      fc.record({ type: fc.constantFrom<'paragraph' | 'heading'>('paragraph', 'heading'), text, line: fc.constant(1) }),
      fc.record({ text, credit: fc.option(text, { nil: undefined }) }).map(({ text, credit }) => ({
        type: 'figure' as const,
        caption: { text, ...(credit === undefined ? {} : { credit }), lead: false },
        line: 1,
      })),
    );
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 4 }), (blocks) => {
        const tree = toMdast(blocks);
        expect(fast.stringify(tree)).toBe(remark.stringify(tree));
      }),
      { numRuns: 3000 },
    );
  });

  test('serialize other levels of heading, mixed phrasing and phrasing at the root as remark does', () => {
    const trees: Root[] = [
      { type: 'root', children: [{ type: 'heading', depth: 1, children: [{ type: 'text', value: 'Plain' }] }] },
      { type: 'root', children: [{ type: 'heading', depth: 3, children: [{ type: 'text', value: 'Plain' }] }] },
      {
        type: 'root',
        children: [
          {
            type: 'paragraph',
            children: [
              { type: 'text', value: 'Plain' },
              { type: 'emphasis', children: [{ type: 'text', value: 'em' }] },
            ],
          },
        ],
      },
      { type: 'root', children: [{ type: 'paragraph', children: [] }] },
      { type: 'root', children: [{ type: 'blockquote', children: [] }] },
      {
        type: 'root',
        children: [
          {
            type: 'blockquote',
            children: [
              { type: 'heading', depth: 2, children: [{ type: 'text', value: 'Plain' }] },
              { type: 'paragraph', children: [{ type: 'text', value: 'Plain' }] },
            ],
          },
        ],
      },
      {
        type: 'root',
        children: [
          { type: 'text', value: 'Loose' },
          { type: 'html', value: '<b>' },
          { type: 'emphasis', children: [{ type: 'text', value: 'em' }] },
        ],
      },
      {
        type: 'root',
        children: [
          { type: 'html', value: '<figure></figure>' },
          { type: 'paragraph', children: [{ type: 'text', value: 'After' }] },
        ],
      },
    ];
    for (const tree of trees) expect(fast.stringify(tree)).toBe(remark.stringify(tree));
  });

  test('take the shortcut for plain prose, and remark’s handlers for the rest', () => {
    const handlers = (['root', 'paragraph', 'heading', 'blockquote'] as const).map((type) => vi.spyOn(defaultHandlers, type));
    const plain = toMdast([
      { type: 'heading', text: 'Rain in “Basra”', line: 1 },
      { type: 'paragraph', text: 'Rain fell on Basra, “again”.', line: 2 },
      { type: 'figure', caption: { text: 'A crane lifts a section', credit: 'AFP', lead: false }, line: 3 },
      { type: 'figure', caption: { text: 'The harbour', lead: false }, line: 4 },
    ]);
    expect(fast.stringify(plain)).toBe('## Rain in “Basra”\n\nRain fell on Basra, “again”.\n\n> A crane lifts a section\n>\n> AFP\n\n> The harbour\n');
    for (const handler of handlers) expect(handler).not.toHaveBeenCalled();

    const marked = toMdast([
      { type: 'heading', text: '*Rain*', line: 1 },
      { type: 'paragraph', text: '# Rain', line: 2 },
      { type: 'figure', caption: { text: 'A crane', credit: '1. AFP', lead: false }, line: 3 },
    ]);
    const written = fast.stringify(marked);
    expect(handlers.map((handler) => handler.mock.calls.length)).toEqual([0, 2, 1, 1]);
    expect(written).toBe(remark.stringify(marked));
  });
});

describe('serializeEntry', () => {
  test('writes frontmatter that passes the schema and reads back to the same entry', () => {
    const file = serializeEntry(entry, toMdast([{ type: 'paragraph', text: 'Body.', line: 1 }]));
    const yaml = /^---\n([\s\S]*?)\n---\n/.exec(file)?.[1] ?? '';
    expect(EntrySchema.parse(loadYaml(yaml))).toEqual(entry);
  });

  test('leaves empty knowledge lists out of the file and writes the others', () => {
    const file = serializeEntry({ ...entry, people: ['Ada Obi'], latestDate: '2024' }, toMdast([]));
    expect(file).toContain('people:\n  - Ada Obi\n');
    expect(file).toContain('latestDate: "2024"');
    expect(file).not.toMatch(/^(?:places|organisations|dates|quotes):/m);
    const yaml = file.split('---\n')[1] ?? '';
    expect(EntrySchema.parse(loadYaml(yaml))).toEqual({ ...entry, people: ['Ada Obi'], latestDate: '2024' });
  });

  test('keeps any paragraph or heading text literal for a CommonMark reader', () => {
    fc.assert(
      fc.property(markdownish, fc.constantFrom<'paragraph' | 'heading'>('paragraph', 'heading'), (text, type) => {
        const markdown = serializeEntry(entry, toMdast([{ type, text, line: 1 }]));
        const body = fromMarkdown(markdown.slice(markdown.indexOf('\n---\n') + 5));
        expect(body.children.map((node) => node.type)).toEqual([type]);
        expect(mdastToString(body)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  test('escapes the dangerous cases from the issue', () => {
    const lines = ['# not a heading', '> not a quote', '1. not a list', '*not* _emphasis_', '<script>alert(1)</script>', '[x](javascript:alert(1))'];
    const markdown = serializeEntry(entry, toMdast(lines.map((text) => ({ type: 'paragraph' as const, text, line: 1 }))));
    const body: Root = fromMarkdown(markdown.slice(markdown.indexOf('\n---\n') + 5));
    expect(body.children.map((node) => [node.type, mdastToString(node)])).toEqual(lines.map((text) => ['paragraph', text]));
  });

  test('escapes each `<` that could open an autolink or HTML, so the text reads back with no link', () => {
    const blocks = AUTOLINK_SHAPES.flatMap((text, line) => [
      { type: 'paragraph' as const, text, line },
      { type: 'heading' as const, text, line },
      { type: 'figure' as const, caption: { text, credit: text, lead: false }, line },
    ]);
    const markdown = serializeEntry(entry, toMdast(blocks));
    const body = fromMarkdown(markdown.slice(markdown.indexOf('\n---\n') + 5));
    const read = body.children.map((node) => (node.type === 'blockquote' ? node.children : [node]));
    const written = blocks.map((block) =>
      block.type === 'figure'
        ? [
            ['paragraph', block.caption.text],
            ['paragraph', block.caption.credit],
          ]
        : [[block.type, block.text]],
    );
    expect(read.map((nodes) => nodes.map((node) => [node.type, mdastToString(node)]))).toEqual(written);
    for (const node of read.flat()) expect('children' in node && node.children.map((child) => child.type)).toEqual(['text']);
  });

  test('escapes `<` before the first character of an email address, which remark leaves alone', () => {
    expect(serializeEntry(entry, toMdast([{ type: 'paragraph', text: 'a <#@0> b \\<0@a>', line: 1 }]))).toMatch(/\na \\<#@0> b \\\\\\<0@a>\n$/);
  });

  test('writes an inline photo as a block quote of its caption and credit, with no HTML', () => {
    const markdown = serializeEntry(entry, toMdast([{ type: 'figure', caption: { text: 'A <b> & "c"', credit: 'X', lead: false }, line: 1 }]));
    expect(markdown.slice(markdown.indexOf('\n---\n') + 5)).toBe('\n> A \\<b> & "c"\n>\n> X\n');
  });

  test('keeps any caption and credit literal, and a figure the only block quote, for a CommonMark reader', () => {
    fc.assert(
      fc.property(markdownish, fc.option(markdownish, { nil: undefined }), markdownish, (text, credit, after) => {
        const caption = { text, ...(credit ? { credit } : {}), lead: false };
        const markdown = serializeEntry(
          entry,
          toMdast([
            { type: 'figure', caption, line: 1 },
            { type: 'paragraph', text: after, line: 2 },
          ]),
        );
        const body = fromMarkdown(markdown.slice(markdown.indexOf('\n---\n') + 5));
        expect(body.children.map((node) => node.type)).toEqual(['blockquote', 'paragraph']);
        const [quote] = body.children as [Blockquote];
        expect(quote.children.map((node) => [node.type, mdastToString(node)])).toEqual(
          [text, ...(credit ? [credit] : [])].map((value) => ['paragraph', value]),
        );
      }),
      { numRuns: 2000 },
    );
  });
});

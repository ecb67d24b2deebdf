import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { readBodyBlocks, splitEntryFile } from './entry-text.ts';
import { printedCaption } from './ingest/captions.ts';
import { serializeEntry } from './ingest/serialize-entry.ts';
import { toMdast } from './ingest/to-mdast.ts';
import type { Block } from './ingest/types.ts';
import type { Entry } from './entry-schema.ts';

const entry: Entry = {
  title: 'Title',
  captions: [],
  source: [{ file: 'a.txt', index: 0, line: 1 }],
  slug: 'title-abcdef',
  id: 'abcdef0123456789',
  wordCount: 1,
  people: [],
  places: [],
  organisations: [],
  dates: [],
  quotes: [],
};

// Folded text, heavy in what Markdown and HTML care about.
const text = fc
  .array(fc.oneof(fc.constantFrom(...'#>*_[]()!<>&\\`~-+=.:|"\'1 09aZé’؟ب;'), fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 25 })
  .map((parts) => parts.join('').replace(/\s+/g, ' ').trim())
  .filter((value) => value.length > 0);
const block: fc.Arbitrary<Block> = fc.oneof(
  text.map((value) => ({ type: 'paragraph' as const, text: value, line: 1 })),
  text.map((value) => ({ type: 'heading' as const, text: value, line: 1 })),
  fc.record({ text, credit: fc.option(text, { nil: undefined }) }).map(({ text: caption, credit }) => ({
    type: 'figure' as const,
    caption: { text: caption, ...(credit ? { credit } : {}), lead: false },
    line: 1,
  })),
);

describe('splitEntryFile', () => {
  test('splits the frontmatter from the body', () => {
    expect(splitEntryFile('---\ntitle: A\n---\n\nBody.\n')).toEqual({ yaml: 'title: A', body: '\nBody.\n' });
  });

  test('reads a file without frontmatter as all body', () => {
    expect(splitEntryFile('Body.\n')).toEqual({ yaml: '', body: 'Body.\n' });
  });
});

describe('readBodyBlocks', () => {
  test('reads back exactly the text the ingest wrote, block by block', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 6 }), (blocks) => {
        const { body } = splitEntryFile(serializeEntry(entry, toMdast(blocks)));
        expect(readBodyBlocks(body)).toEqual(blocks.map((b) => ({ type: b.type, text: b.type === 'figure' ? printedCaption(b.caption) : b.text })));
      }),
      { numRuns: 2000 },
    );
  });
});

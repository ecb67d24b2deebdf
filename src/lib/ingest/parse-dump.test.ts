import { describe, expect, test } from 'vitest';
import { parseDump } from './parse-dump.ts';
import type { Block } from './types.ts';

const texts = (blocks: Block[]) => blocks.map((b) => (b.type === 'figure' ? `[${b.caption.text}]` : b.type === 'heading' ? `## ${b.text}` : b.text));

describe('parseDump', () => {
  test('reads title, subtitle and the lead caption once from a header printed twice', () => {
    const dump = 'Title\n\nSub\n\nCap (AFP)\nCap (AFP)\nTT\n\nTitle\n\nCap (AFP)\nCap (AFP)\n\nBody.\n';
    const [article] = parseDump(dump, 'f.txt').articles;
    expect(article).toMatchObject({ title: 'Title', subtitle: 'Sub', captions: [{ text: 'Cap', credit: 'AFP', lead: true }] });
    expect(texts(article!.blocks)).toEqual(['Body.']);
  });

  test('never lets TT, the repeated title or the repeated captions into the body', () => {
    const dump = 'T\n\nC (X)\nC (X)\nTT\n\nT\n\nC (X)\nC (X)\nTT\nC  (X)\n\nBody one.\nT\nC (X)\nBody two.\n';
    const [article] = parseDump(dump, 'f.txt').articles;
    expect(texts(article!.blocks)).toEqual(['Body one.', 'Body two.']);
  });

  test('uses the repeated title as the end of the header when there is no TT line', () => {
    const dump = 'Title\n\nCap (X)\nCap (X)\n\nTitle\n\nCap (X)\nCap (X)\n\nBody.\n';
    const { articles, errors } = parseDump(dump, 'f.txt');
    expect(errors).toEqual([]);
    expect(articles).toHaveLength(1);
    expect(texts(articles[0]!.blocks)).toEqual(['Body.']);
  });

  test('reads an article with no photo', () => {
    const [article] = parseDump('Title\n\nTT\n\nTitle\n\nBody.\n', 'f.txt').articles;
    expect(article).toMatchObject({ title: 'Title', captions: [] });
  });

  test('reads a subtitle without a photo and without TT', () => {
    const [article] = parseDump('Title\n\nSub\n\nTitle\n\nBody.\n', 'f.txt').articles;
    expect(article).toMatchObject({ title: 'Title', subtitle: 'Sub' });
  });

  test('turns a caption pair inside the body into one figure where it stood', () => {
    const dump = 'T\n\nTT\n\nT\n\nOne.\n\nPhoto (X)\nPhoto  (X)\n\nTwo.\n';
    expect(texts(parseDump(dump, 'f.txt').articles[0]!.blocks)).toEqual(['One.', '[Photo]', 'Two.']);
  });

  test('prints an inline caption once even when the dump prints it again later', () => {
    const dump = 'T\n\nTT\n\nT\n\nOne.\nPhoto (X)\nPhoto (X)\nTwo.\nPhoto (X)\nPhoto (X)\nThree.\n';
    expect(texts(parseDump(dump, 'f.txt').articles[0]!.blocks)).toEqual(['One.', '[Photo]', 'Two.', 'Three.']);
  });

  test('reads paragraphs separated by blank lines and by single line breaks alike', () => {
    const blank = parseDump('T\n\nTT\n\nT\n\nOne.\n\nTwo.\n', 'f.txt').articles[0]!;
    const single = parseDump('T\n\nTT\n\nT\n\nOne.\nTwo.\n', 'f.txt').articles[0]!;
    expect(texts(single.blocks)).toEqual(texts(blank.blocks));
  });

  test('splits a file into its articles at each header', () => {
    const dump = 'A\n\nTT\n\nA\n\nBody a.\n\n\n\nB\n\nTT\n\nB\n\nBody b.\n\n\nC\n\nC\n\nBody c.\n';
    const { articles } = parseDump(dump, 'f.txt');
    expect(articles.map((a) => [a.title, a.index, a.line])).toEqual([
      ['A', 0, 1],
      ['B', 1, 11],
      ['C', 2, 20],
    ]);
  });

  test('marks a short title-like body line as a heading, but not the last line', () => {
    const dump = 'T\n\nTT\n\nT\n\nOne.\n\nSyrian lesson\n\nTwo.\n\nThe end\n';
    expect(texts(parseDump(dump, 'f.txt').articles[0]!.blocks)).toEqual(['One.', '## Syrian lesson', 'Two.', 'The end']);
  });

  test('reports a header whose TT is not followed by the title, and keeps the next article', () => {
    const dump = 'Lost\n\nTT\n\nOther\n\nBody.\n\n\n\nKept\n\nTT\n\nKept\n\nBody.\n';
    const { articles, errors } = parseDump(dump, 'dumps/a.txt');
    expect(articles.map((a) => a.title)).toEqual(['Kept']);
    expect(errors.map((e) => e.message)).toMatchInlineSnapshot(`
      [
        "ingest: dumps/a.txt:1: cannot read the header, expected the title repeated after "TT", found "Other"",
      ]
    `);
  });

  test('reports TT at the end of a file', () => {
    const { errors } = parseDump('Title\n\nTT\n', 'a.txt');
    expect(errors.map((e) => e.message)).toMatchInlineSnapshot(`
      [
        "ingest: a.txt:1: cannot read the header, expected the title repeated after "TT", found the end of the file",
      ]
    `);
  });

  test('reports a file with no header at all', () => {
    const { articles, errors } = parseDump('\n\nJust some text.\nAnd more.\n', 'a.txt');
    expect(articles).toEqual([]);
    expect(errors.map((e) => e.message)).toMatchInlineSnapshot(`
      [
        "ingest: a.txt:3: cannot find an article header, expected a title line followed by "TT" and the title again",
      ]
    `);
  });

  test('keeps a body line that repeats nothing, even if it resembles a caption', () => {
    const dump = 'T\n\nTT\n\nT\n\nA man walks by (file photo)\n';
    expect(texts(parseDump(dump, 'f.txt').articles[0]!.blocks)).toEqual(['A man walks by (file photo)']);
  });
});

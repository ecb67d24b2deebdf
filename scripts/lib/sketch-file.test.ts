import { describe, expect, test } from 'vitest';
import { BINS, sketchText } from '../../src/lib/identity/sketch.ts';
import type { FileRecord } from './ingest-protocol.ts';
import type { ArticleRef } from '../../src/lib/identity/article-ref.ts';
import { decodeSketches, encodeSketches } from './sketch-file.ts';

const article = (text: string, index: number): ArticleRef => ({
  id: `${index}`.padStart(16, '0'),
  digest: 'd',
  slug: `story-${index}`,
  signature: 's',
  index,
  line: 1,
  ...sketchText([text]),
});
const record = (...texts: string[]): FileRecord => ({ size: 1, mtimeMs: 1, hash: 'h', errors: [], articles: texts.map(article) });
/** The records as the manifest's JSON gives them back: no sketches. */
const stripped = (records: FileRecord[]): FileRecord[] =>
  records.map((r) => ({ ...r, articles: r.articles.map((a) => ({ ...a, sketch: new Uint16Array(0) })) }));

const records = [record('The council voted to restore the night buses.', '— —', 'Drivers accepted a pay deal.'), record(), record('Ships sail again.')];

describe('the sketch file', () => {
  test('gives every article back its sketch, and an empty one to a body without words', () => {
    const bytes = encodeSketches(records, '0123456789abcdef');
    const read = stripped(records);
    expect(decodeSketches(bytes, '0123456789abcdef', read)).toBe(true);
    expect(read.flatMap((r) => r.articles.map((a) => [...a.sketch]))).toEqual(records.flatMap((r) => r.articles.map((a) => [...a.sketch])));
    expect(read[0]?.articles[1]?.sketch).toHaveLength(0);
    expect(read[2]?.articles[0]?.sketch).toHaveLength(BINS);
  });

  test('reads a file whose bytes start at an odd offset', () => {
    const bytes = encodeSketches(records, '0123456789abcdef');
    // A Buffer, as the file is read: its slice() is a view, not a copy.
    const odd = Buffer.alloc(bytes.length + 1).subarray(1);
    odd.set(bytes);
    const read = stripped(records);
    expect(decodeSketches(odd, '0123456789abcdef', read)).toBe(true);
    expect([...(read[2]?.articles[0]?.sketch ?? [])]).toEqual([...(records[2]?.articles[0]?.sketch ?? [])]);
  });

  test.each([
    ['another generation', (bytes: Uint8Array) => bytes, 'fedcba9876543210', records],
    ['a cut file', (bytes: Uint8Array) => bytes.subarray(0, bytes.length - 2), '0123456789abcdef', records],
    ['other records', (bytes: Uint8Array) => bytes, '0123456789abcdef', [...records, record('One more story.')]],
    ['not a sketch file', () => new TextEncoder().encode('{"version":1}'), '0123456789abcdef', records],
  ])('is refused for %s, setting nothing', (_, damage, generation, wanted) => {
    const read = stripped(wanted);
    expect(decodeSketches(damage(encodeSketches(records, '0123456789abcdef')), generation, read)).toBe(false);
    expect(read.every((r) => r.articles.every((a) => a.sketch.length === 0))).toBe(true);
  });
});

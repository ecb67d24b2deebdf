import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { BANDS, BINS, candidateKeysInto, rowsWithCandidateKeys, sketchText } from '../../src/lib/identity/sketch.ts';
import type { FileRecord } from './ingest-protocol.ts';
import type { ArticleRef } from '../../src/lib/identity/article-ref.ts';
import { decodeSketches, encodeSketches, loadSketches } from './sketch-file.ts';

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

const GENERATION = '0123456789abcdef';
const records = [record('The council voted to restore the night buses.', '— —', 'Drivers accepted a pay deal.'), record(), record('Ships sail again.')];
const count = records.reduce((sum, r) => sum + r.articles.length, 0);
/** Every article's bins as the file should hold them: zeros for a body without words. */
const written = records.flatMap((r) => r.articles.flatMap((a) => (a.sketch.length === BINS ? [...a.sketch] : new Array(BINS).fill(0))));

const folder = mkdtempSync(path.join(tmpdir(), 'clippings-sketches-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Every candidate key of a sketch. */
const keysOf = (sketch: Uint16Array) => {
  const keys = new Uint32Array(BANDS);
  return [...keys.subarray(0, sketch.length === 0 ? 0 : candidateKeysInto(sketch, keys))];
};

describe('the sketch file', () => {
  test("gives back every article's bins in order, zeros for a body without words, from memory or read piece by piece", () => {
    const bytes = encodeSketches(records, GENERATION);
    const file = path.join(folder, 'bins');
    writeFileSync(file, bytes);
    for (const table of [decodeSketches(bytes, GENERATION, count), loadSketches(file, GENERATION, count)]) {
      expect(table?.count).toBe(count);
      expect([...(table?.bins(0, count) ?? [])]).toEqual(written);
      expect([...(table?.bins(3, 1) ?? [])]).toEqual(written.slice(3 * BINS, 4 * BINS));
      expect(() => table?.bins(3, 2)).toThrow(RangeError);
      // Asked row by row, as a whole plan builds every record, until the table reads all the bins at once.
      for (let round = 0; round < 40; round++) {
        for (let row = 0; row < count; row++) expect([...(table?.bins(row, 1) ?? [])]).toEqual(written.slice(row * BINS, (row + 1) * BINS));
      }
    }
  });

  test('reads bytes that start at an odd offset', () => {
    const bytes = encodeSketches(records, GENERATION);
    // A Buffer, as the file is read: its slice() is a view, not a copy.
    const odd = Buffer.alloc(bytes.length + 1).subarray(1);
    odd.set(bytes);
    expect([...(decodeSketches(odd, GENERATION, count)?.bins(0, count) ?? [])]).toEqual(written);
  });

  test('its index finds the rows with any of some candidate keys, as reading every sketch does', () => {
    const bodies = fc.array(fc.array(fc.constantFrom('ferry', 'strike', 'council', 'budget', 'river', 'flood', 'vote', 'court'), { maxLength: 12 }), {
      maxLength: 12,
    });
    fc.assert(
      fc.property(fc.array(bodies, { maxLength: 4 }), fc.nat(), (dumps, pick) => {
        const made = dumps.map((bodies) => record(...bodies.map((words) => words.join(' '))));
        const sketches = made.flatMap((r) => r.articles.map((a) => a.sketch));
        const all = sketches.flatMap(keysOf);
        // Keys of the archive, and keys of no article.
        const keys = new Set([...all.filter((_, i) => (i + pick) % 7 === 0), pick >>> 0, 0xffffffff - pick]);
        const bytes = encodeSketches(made, GENERATION);
        const file = path.join(folder, 'index');
        writeFileSync(file, bytes);
        const wanted = rowsWithCandidateKeys(sketches, keys);
        for (const table of [decodeSketches(bytes, GENERATION, sketches.length), loadSketches(file, GENERATION, sketches.length)]) {
          expect(table?.rowsWithKeys(keys).sort((a, b) => a - b)).toEqual(wanted);
        }
      }),
      { numRuns: 60 },
    );
  });

  test.each([
    ['another generation', (bytes: Uint8Array) => bytes, 'fedcba9876543210', count],
    ['a cut file', (bytes: Uint8Array) => bytes.subarray(0, bytes.length - 2), GENERATION, count],
    ['a file with more bytes', (bytes: Uint8Array) => Buffer.concat([bytes, new Uint8Array(8)]), GENERATION, count],
    ['another count of articles', (bytes: Uint8Array) => bytes, GENERATION, count + 1],
    [
      'a sketch file of the layout before the index',
      (bytes: Uint8Array) => Buffer.from(Buffer.from(bytes).toString('latin1').replace('sketches-2', 'sketches-1'), 'latin1'),
      GENERATION,
      count,
    ],
    ['not a sketch file', () => new TextEncoder().encode('{"version":1}'), GENERATION, count],
  ])('is refused for %s', (_, damage, generation, wanted) => {
    const bytes = damage(encodeSketches(records, GENERATION));
    expect(decodeSketches(bytes, generation, wanted)).toBeUndefined();
    const file = path.join(folder, 'damaged');
    writeFileSync(file, bytes);
    expect(loadSketches(file, generation, wanted)).toBeUndefined();
  });

  test('is refused when missing, and a file replaced after it was opened is not read as the one opened', () => {
    expect(loadSketches(path.join(folder, 'none'), GENERATION, count)).toBeUndefined();
    const file = path.join(folder, 'replaced');
    writeFileSync(file, encodeSketches(records, GENERATION));
    const table = loadSketches(file, GENERATION, count);
    rmSync(file);
    writeFileSync(file, encodeSketches([...records, record('One more story.')], GENERATION));
    expect(() => table?.bins(0, 1)).toThrow(/changed while the ingest read it/);
  });
});

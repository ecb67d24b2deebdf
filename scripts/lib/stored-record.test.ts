import { describe, expect, test } from 'vitest';
import { BINS } from '../../src/lib/identity/sketch.ts';
import { articleCount, StoredRecord, withTimes, type StoredColumns } from './stored-record.ts';

const bins = new Uint16Array(3 * BINS).map((_, i) => i);
const sketches = { count: 3, bins: (start: number, count: number) => bins.slice(start * BINS, (start + count) * BINS), rowsWithKeys: () => [] };
const columns: StoredColumns = {
  ids: ['a', 'b', 'c'],
  digests: ['da', 'db', 'dc'],
  slugs: ['one-a', 'two-b', 'three-c'],
  signatures: ['sa', 'sb', 'sc'],
  index: [0, 1, 0],
  line: [1, 9, 1],
  shingles: [4, 0, 7],
  sketches,
  candidateRows: () => [],
  rowsWithIds: () => [],
};
const fields = { size: 10, mtimeMs: 5, hash: 'h', errors: [] };

describe('a stored record', () => {
  test("builds its own rows' articles, once, with a view of each sketch and none for a body without words", () => {
    const record = new StoredRecord(fields, { columns, start: 0, count: 2 });
    const { articles } = record;
    expect(articles.map((ref) => [ref.id, ref.digest, ref.slug, ref.signature, ref.index, ref.line, ref.shingles])).toEqual([
      ['a', 'da', 'one-a', 'sa', 0, 1, 4],
      ['b', 'db', 'two-b', 'sb', 1, 9, 0],
    ]);
    expect([...(articles[0]?.sketch ?? [])]).toEqual([...bins.subarray(0, BINS)]);
    expect(articles[1]?.sketch).toHaveLength(0);
    expect(record.articles).toBe(articles);
    expect(new StoredRecord(fields, { columns, start: 2, count: 1 }).articles.map((ref) => ref.slug)).toEqual(['three-c']);
  });

  test('is counted and given new times without building its articles', () => {
    const record = new StoredRecord(fields, { columns, start: 0, count: 2 });
    const built = Object.getOwnPropertyDescriptor(StoredRecord.prototype, 'articles')?.get as () => unknown;
    let builds = 0;
    Object.defineProperty(record, 'articles', {
      get: () => {
        builds++;
        return built.call(record);
      },
    });
    expect(articleCount(record)).toBe(2);
    const retimed = withTimes(record, { size: 11, mtimeMs: 6 });
    expect(builds).toBe(0);
    expect(retimed).toBeInstanceOf(StoredRecord);
    expect([retimed.size, retimed.mtimeMs, retimed.hash, articleCount(retimed)]).toEqual([11, 6, 'h', 2]);
    expect(retimed.articles.map((ref) => ref.id)).toEqual(['a', 'b']);
    expect(withTimes({ ...fields, articles: [] }, { size: 1, mtimeMs: 2 })).toEqual({ ...fields, articles: [], size: 1, mtimeMs: 2 });
  });
});

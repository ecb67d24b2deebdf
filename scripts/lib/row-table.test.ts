import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { RowTable, SlugIndex } from './row-table.ts';

// Slugs with repeats, as copies of one story in several dumps share theirs.
const SLUGS = ['ferry-strike-aaaaaa', 'budget-vote-bbbbbb', 'ferry-strike-aaaaaa', 'river-flood-cccccc', 'court-ruling-dddddd'];
const index = new SlugIndex(SLUGS);

describe('SlugIndex', () => {
  test('names the first row of each slug, by scanning its column and then by a map', () => {
    const fresh = new SlugIndex(SLUGS);
    const wanted = [0, 1, 0, 3, 4];
    // Past the scans, the map answers the same.
    for (let round = 0; round < 30; round++) {
      expect(SLUGS.map((slug) => fresh.rowOf(slug))).toEqual(wanted);
      expect([fresh.rowOf('nothing'), fresh.rowOf('ferry-strike'), fresh.rowOf('strike-aaaaaa'), fresh.rowOf(''), fresh.rowOf('a\nb')]).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
    }
    expect(new SlugIndex([]).rowOf('a')).toBeUndefined();
    expect(new SlugIndex(['only']).rowOf('only')).toBe(0);
  });
});

describe('RowTable', () => {
  const key = fc.constantFrom(...SLUGS.map((slug) => `${slug}.md`), 'other.md', 'ferry-strike-aaaaaa', 'notes.txt');
  const op = fc.oneof(fc.tuple(fc.constant('set' as const), key, fc.nat(99)), fc.tuple(fc.constant('delete' as const), key, fc.constant(0)));

  test('answers as a Map of the same rows does, through any sets and deletes', () => {
    fc.assert(
      fc.property(fc.subarray([0, 1, 3, 4]), fc.subarray(['other.md', 'notes.txt']), fc.array(op, { maxLength: 12 }), (rows, names, ops) => {
        const keys = [...rows, ...names];
        const value = (i: number) => ({ size: i, hash: `h${i}` });
        const table = new RowTable<{ size: number; hash: string }>(keys, value, index, '.md');
        const map = new Map(keys.map((stored, i) => [typeof stored === 'number' ? `${SLUGS[stored]}.md` : stored, value(i)]));
        for (const [kind, name, size] of ops) {
          if (kind === 'set') {
            table.set(name, { size, hash: 'new' });
            map.set(name, { size, hash: 'new' });
          } else expect(table.delete(name)).toBe(map.delete(name));
        }
        expect(table.size).toBe(map.size);
        expect(new Map(table)).toEqual(map);
        expect([...table.keys()].sort()).toEqual([...map.keys()].sort());
        for (const name of [...SLUGS.map((slug) => `${slug}.md`), 'other.md', 'notes.txt', 'ferry-strike-aaaaaa']) {
          expect([table.has(name), table.get(name)]).toEqual([map.has(name), map.get(name)]);
        }
      }),
    );
  });

  test.each([
    ['a row stored twice', [1, 1]],
    ['a row and its name', [0, 'ferry-strike-aaaaaa.md']],
    ['a name stored twice', ['a.md', 'a.md']],
    ['a row that is not there', [5]],
  ])('refuses %s', (_, keys) => {
    expect(() => new RowTable(keys as (number | string)[], () => 0, index, '.md')).toThrow(RangeError);
  });
});

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { JoinedColumn } from './joined-column.ts';

const hex = fc.stringMatching(/^[0-9a-f]{16}$/);

describe('a joined column', () => {
  const values = fc.oneof(fc.array(hex, { maxLength: 30 }), fc.array(fc.stringMatching(/^[a-z0-9-]{0,8}$/), { maxLength: 30 }));

  test('gives each value back, and the rows of some values, as its split does', () => {
    fc.assert(
      fc.property(values, fc.array(fc.nat(40)), (list, picks) => {
        const column = JoinedColumn.of(list.join('\n'), list.length);
        expect(column?.length).toBe(list.length);
        for (let i = -1; i <= list.length; i++) expect(column?.at(i)).toBe(list[i]);
        const wanted = new Set([...picks.map((pick) => list[pick] ?? 'absent'), 'ffff', '']);
        const rows = list.flatMap((value, row) => (wanted.has(value) ? [row] : []));
        expect(column?.rowsOf(wanted).sort((a, b) => a - b)).toEqual(rows);
      }),
    );
  });

  test.each([
    ['one value more', ['a1', 'b2', 'c3'].join('\n'), 2],
    ['one value fewer', ['a1', 'b2'].join('\n'), 3],
    ['a trailing line feed', 'a1\nb2\n', 2],
    ['too few line feeds for its width', 'a1\nb2c3', 3],
    ['a value with no line feed before it', 'a1\nb2xc3', 3],
    ['no values but text', 'a1', 0],
    ['not text', 12, 1],
  ])('is refused with %s', (_, column, count) => {
    expect(JoinedColumn.of(column, count)).toBeUndefined();
  });
});

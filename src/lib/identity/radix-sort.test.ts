import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { sortByKey } from './radix-sort.ts';

describe('sortByKey', () => {
  test('orders as a stable sort by key does, for any keys', () => {
    // Keys from a few values as well as the whole range, so that runs of equal keys test stability.
    const key = fc.oneof(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.constantFrom(0, 1, 0xffff, 0x10000, 2 ** 32 - 1));
    fc.assert(
      fc.property(fc.array(key, { maxLength: 300 }), (list) => {
        const keys = Uint32Array.from(list);
        const values = Int32Array.from(list, (_, i) => i);
        const expected = list.map((k, i) => [k, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        sortByKey(keys, values);
        expect(Array.from(keys)).toEqual(expected.map(([k]) => k));
        expect(Array.from(values)).toEqual(expected.map(([, i]) => i));
      }),
    );
  });

  test('refuses keys and values of different lengths', () => {
    expect(() => sortByKey(new Uint32Array(2), new Int32Array(3))).toThrow('2 keys and 3 values');
  });
});

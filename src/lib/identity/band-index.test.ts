import { describe, expect, test } from 'vitest';
import { BandIndex } from './band-index.ts';

describe('BandIndex', () => {
  test('finds every node added under a key, and no other key', () => {
    const index = new BandIndex(6);
    for (const [key, node] of [
      [7, 1],
      [0xffffffff, 2],
      [7, 3],
      [8, 4],
    ] as const)
      index.add(key, node);
    const under = (key: number) => {
      const nodes: number[] = [];
      index.forEach(key, (node) => nodes.push(node));
      return nodes.sort();
    };
    expect(under(7)).toEqual([1, 3]);
    expect(under(0xffffffff)).toEqual([2]);
    expect([index.has(7), index.has(8), index.has(0xffffffff), index.has(9), index.has(0)]).toEqual([true, true, true, false, false]);
  });
});

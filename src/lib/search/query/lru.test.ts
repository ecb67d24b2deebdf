import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createLru } from './lru.ts';

describe('createLru', () => {
  it('evicts the least recently used entry, a read counting as a use', () => {
    const cache = createLru<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.keys()).toEqual(['a', 'c']);
    expect(cache.get('b')).toBeUndefined();
  });

  it('bounds the total weight, weights set later included, and spares the entry just weighed', () => {
    const cache = createLru<number, string>(10);
    cache.set(1, 'one', 0);
    cache.set(2, 'two', 0);
    cache.weigh(1, 6);
    cache.weigh(2, 6);
    expect(cache.keys()).toEqual([2]);
    cache.weigh(2, 30);
    expect(cache.keys()).toEqual([2]);
    expect(cache.weight()).toBe(30);
    cache.weigh(9, 1);
    expect(cache.keys()).toEqual([2]);
  });

  it('trims down to the bound sparing the entries asked for', () => {
    const cache = createLru<number, number>(100);
    for (const key of [1, 2, 3]) cache.set(key, key, 40);
    expect(cache.keys()).toEqual([2, 3]);
    cache.set(4, 4, 0);
    cache.weigh(4, 40);
    expect(cache.keys()).toEqual([3, 4]);
    cache.trim();
    expect(cache.keys()).toEqual([3, 4]);
    cache.delete(3);
    expect(cache.weight()).toBe(40);
  });

  it('matches a plain list model under random operations', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('get', 'set', 'delete'), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 5 }))), (ops) => {
        const cache = createLru<number, number>(8);
        let model: { key: number; weight: number }[] = [];
        for (const [op, key, weight] of ops) {
          const at = model.findIndex((entry) => entry.key === key);
          if (op === 'get') {
            expect(cache.get(key)).toBe(at >= 0 ? key : undefined);
            if (at >= 0) model.push(...model.splice(at, 1));
          } else if (op === 'delete') {
            cache.delete(key);
            if (at >= 0) model.splice(at, 1);
          } else {
            cache.set(key, key, weight);
            if (at >= 0) model.splice(at, 1);
            model.push({ key, weight });
            let total = model.reduce((sum, entry) => sum + entry.weight, 0);
            model = model.filter((entry) => {
              if (total <= 8 || entry.key === key) return true;
              total -= entry.weight;
              return false;
            });
          }
          expect(cache.keys()).toEqual(model.map((entry) => entry.key));
        }
      }),
    );
  });
});

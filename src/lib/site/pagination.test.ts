import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countPages, listPagerItems, pageHref, slicePage } from './pagination.ts';

describe('countPages', () => {
  it('rounds up and keeps one page for an empty listing', () => {
    expect(countPages(49, 24)).toBe(3);
    expect(countPages(48, 24)).toBe(2);
    expect(countPages(0, 24)).toBe(1);
  });
});

describe('slicePage', () => {
  it('returns the items of a one-based page', () => {
    expect(slicePage([1, 2, 3, 4, 5], 2, 2)).toEqual([3, 4]);
    expect(slicePage([1, 2, 3, 4, 5], 3, 2)).toEqual([5]);
  });

  it('shows every item exactly once across the pages', () => {
    fc.assert(
      fc.property(fc.array(fc.nat()), fc.integer({ min: 1, max: 30 }), (items, size) => {
        const pages = countPages(items.length, size);
        const all = Array.from({ length: pages }, (_, i) => slicePage(items, i + 1, size)).flat();
        expect(all).toEqual(items);
      }),
    );
  });
});

describe('pageHref', () => {
  it('links the first page to the listing itself', () => {
    expect(pageHref('/', 1, 'page/')).toBe('/');
    expect(pageHref('/sources/a-txt/', 1)).toBe('/sources/a-txt/');
  });

  it('adds the segment and number for later pages', () => {
    expect(pageHref('/', 2, 'page/')).toBe('/page/2/');
    expect(pageHref('/a-z/s/', 3)).toBe('/a-z/s/3/');
  });
});

describe('listPagerItems', () => {
  const show = (current: number, pages: number) =>
    listPagerItems(current, pages)
      .map((item) => (item.type === 'gap' ? '…' : item.current ? `[${item.page}]` : String(item.page)))
      .join(' ');

  it('shows every page of a short listing', () => {
    expect(show(2, 4)).toBe('1 [2] 3 4');
  });

  it('keeps the ends and a window around the current page, with gaps', () => {
    expect(show(10, 40)).toBe('1 … 8 9 [10] 11 12 … 40');
    expect(show(1, 40)).toBe('[1] 2 3 … 40');
    expect(show(40, 40)).toBe('1 … 38 39 [40]');
  });

  it('marks exactly one page current and lists pages in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 }), (a, b) => {
        const [current, pages] = a <= b ? [a, b] : [b, a];
        const numbers = listPagerItems(current, pages).flatMap((i) => (i.type === 'page' ? [i] : []));
        expect(numbers.filter((i) => i.current).map((i) => i.page)).toEqual([current]);
        expect(numbers.map((i) => i.page)).toEqual([...numbers.map((i) => i.page)].sort((x, y) => x - y));
        expect(numbers[0]?.page).toBe(1);
        expect(numbers.at(-1)?.page).toBe(pages);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildArchive } from './archive.ts';
import type { Story } from './story.ts';

function story(slug: string, title: string, sources: Array<[string, number]>): Story {
  return {
    slug,
    title,
    id: '0123456789abcdef',
    wordCount: 100,
    source: sources.map(([file, index]) => ({ file, index, line: index * 10 + 1 })),
    leadCaptions: [],
    excerpt: '',
    readingMinutes: 1,
    dir: 'ltr',
    people: [],
    places: [],
    organisations: [],
    dates: [],
    quotes: [],
  };
}

const stories = [
  story('c', 'Zebra crossing', [['dump-10.txt', 0]]),
  story('a', 'apple harvest', [['dump-2.txt', 1]]),
  story('b', '90 years on', [
    ['dump-2.txt', 0],
    ['dump-10.txt', 1],
  ]),
  story('d', 'Éclair', [['dump-10.txt', 2]]),
];

describe('buildArchive', () => {
  const archive = buildArchive(stories);

  it('orders stories by dump file (numbers by value), then by place in the dump', () => {
    expect(archive.stories.map((s) => s.slug)).toEqual(['b', 'a', 'c', 'd']);
  });

  it('files titles under letters, sorted, with every letter present', () => {
    expect(archive.letters.size).toBe(27);
    expect(archive.letters.get('A')?.map((s) => s.slug)).toEqual(['a']);
    expect(archive.letters.get('E')?.map((s) => s.slug)).toEqual(['d']);
    expect(archive.letters.get('#')?.map((s) => s.slug)).toEqual(['b']);
    expect(archive.letters.get('Q')).toEqual([]);
  });

  it('lists a story under every dump it was read from, in dump order', () => {
    expect(archive.sources.map((s) => [s.file, s.key, s.stories.map((x) => x.slug)])).toEqual([
      ['dump-2.txt', 'dump-2-txt', ['b', 'a']],
      ['dump-10.txt', 'dump-10-txt', ['c', 'b', 'd']],
    ]);
  });

  it('leaves its input unsorted', () => {
    expect(stories.map((s) => s.slug)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('gives the same order whatever order the stories come in', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(stories, { minLength: 4, maxLength: 4 }), (shuffled) => {
        expect(buildArchive(shuffled).stories.map((s) => s.slug)).toEqual(['b', 'a', 'c', 'd']);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countCoMentions } from './co-mentions.ts';

/** The obvious reference: count every pair in a map. */
function countPairs(storyEntities: number[][], entities: number, limit: number): Array<Array<[number, number]>> {
  return Array.from({ length: entities }, (_, self) => {
    const counts = new Map<number, number>();
    for (const story of storyEntities) {
      if (!story.includes(self)) continue;
      for (const other of story) if (other !== self) counts.set(other, (counts.get(other) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, limit);
  });
}

describe('countCoMentions', () => {
  it('counts, for each entity, the stories it shares with each other one, most shared first', () => {
    expect(
      countCoMentions(
        [[0, 1, 2], [0, 1], [2]],
        [
          [0, 1],
          [0, 1],
          [0, 2],
        ],
        5,
      ),
    ).toEqual([
      [
        [1, 2],
        [2, 1],
      ],
      [
        [0, 2],
        [2, 1],
      ],
      [
        [0, 1],
        [1, 1],
      ],
    ]);
  });

  it('agrees with counting every pair, on any archive', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.uniqueArray(fc.nat(11), { maxLength: 8 }), { maxLength: 20 }),
        fc.integer({ min: 1, max: 5 }),
        (entities, raw, limit) => {
          const storyEntities = raw.map((story) => story.filter((n) => n < entities));
          const entityStories = Array.from({ length: entities }, (_, e) => storyEntities.flatMap((story, index) => (story.includes(e) ? [index] : [])));
          expect(countCoMentions(storyEntities, entityStories, limit)).toEqual(countPairs(storyEntities, entities, limit));
        },
      ),
    );
  });
});

/**
 * The names most often mentioned alongside each entity.
 *
 * Entities are numbered; each story is the list of its entities' numbers. For
 * one entity, the numbers in its stories are counted in a reused typed array,
 * so the whole archive costs the sum over stories of their names squared,
 * with no map of pairs held in memory.
 */

/**
 * The top co-mentions of every entity.
 *
 * @param storyEntities For each story, the distinct numbers of the entities it names.
 * @param entityStories For each entity number, the indexes of its stories in `storyEntities`.
 * @param limit How many co-mentions to keep per entity.
 * @returns For each entity number, `[entity number, shared stories]` pairs, most shared first (lower number among equals).
 */
export function countCoMentions(
  storyEntities: readonly (readonly number[])[],
  entityStories: readonly (readonly number[])[],
  limit: number,
): Array<Array<[number, number]>> {
  const counts = new Int32Array(entityStories.length);
  const touched: number[] = [];
  return entityStories.map((stories, self) => {
    for (const story of stories) {
      for (const other of storyEntities[story] ?? []) {
        if (other === self) continue;
        if (counts[other] === 0) touched.push(other);
        counts[other] = (counts[other] ?? 0) + 1;
      }
    }
    // The best few kept in order as they come: an entity named in thousands of stories
    // touches tens of thousands of others, and sorting them all (a pair each) cost more.
    const top: Array<[number, number]> = [];
    for (const other of touched) {
      const count = counts[other] ?? 0;
      let at = top.length;
      while (at > 0 && ranksBefore(other, count, top[at - 1] as [number, number])) at--;
      if (at >= limit) continue;
      top.splice(at, 0, [other, count]);
      if (top.length > limit) top.pop();
    }
    for (const other of touched) counts[other] = 0;
    touched.length = 0;
    return top;
  });
}

/** More shared stories first; among equals, the lower number. */
function ranksBefore(other: number, count: number, [kept, keptCount]: [number, number]): boolean {
  return count > keptCount || (count === keptCount && other < kept);
}

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
    const top = touched
      .map((other): [number, number] => [other, counts[other] ?? 0])
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit);
    for (const other of touched) counts[other] = 0;
    touched.length = 0;
    return top;
  });
}

/**
 * Names that fold to one slug: the spelling to show.
 */
import { compareTitles } from '../title-index.ts';

/** Counts of each spelling of one name. */
export type Spellings = Map<string, number>;

/**
 * Count one more use of a spelling.
 *
 * @param spellings The counts so far (changed).
 * @param name The spelling used.
 */
export function countSpelling(spellings: Spellings, name: string): void {
  spellings.set(name, (spellings.get(name) ?? 0) + 1);
}

/**
 * The spelling most stories use; among equals, the first A–Z, so the choice
 * does not depend on the order stories are read in.
 *
 * @param spellings Counts of each spelling (at least one).
 * @returns The spelling to show.
 */
export function pickName(spellings: Spellings): string {
  let best = '';
  let bestCount = -1;
  for (const [name, count] of spellings) {
    if (count > bestCount || (count === bestCount && compareTitles(name, best) < 0)) {
      best = name;
      bestCount = count;
    }
  }
  return best;
}

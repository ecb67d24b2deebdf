/**
 * Levenshtein distance over plain word lists: the vocabulary chunks (typo
 * candidates whose shards to fetch) and "did you mean" corrections. Within a
 * loaded shard, `score-term.ts` takes distances from the radix tree's
 * `fuzzyGet` instead.
 */

/**
 * The number of single-character insertions, deletions and substitutions
 * that turn one word into another.
 *
 * @param a A word.
 * @param b Another word.
 * @returns The edit distance.
 */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

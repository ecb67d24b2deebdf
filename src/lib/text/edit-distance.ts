/**
 * Levenshtein distance, for story identity (headlines' slug words). Search's
 * bounded matcher for typo candidates and "did you mean"
 * (`search/format/bounded-edit-distance.ts`) is tested against it. It lives
 * outside both folders; `ingestVersion()` hashes this folder too, so a change here
 * re-makes the entries whose identity it decides. Within a loaded search
 * shard, `score-term.ts` takes distances from the radix tree's `fuzzyGet`.
 */

/**
 * @returns The number of single-character insertions, deletions and substitutions that turn `a` into `b`.
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

/**
 * Levenshtein distance between two headlines' slug words. Kept here (the
 * search has its own) so that what decides a story's identity lives, and is
 * versioned by the ingest, in one folder.
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
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * Levenshtein distance up to a bound, from one query word to many indexed
 * words: typo matching compares a query word with every indexed word sharing
 * its first letters (at 10k stories, up to 1,700), on a page whose code has
 * not been optimised yet, and nearly all of them are far.
 * `text/edit-distance.ts`, which story identity uses, computes each whole
 * table, with a new array a row. Here the table's rows follow the indexed
 * word's letters: a row depends only on the letters before it, so the rows of
 * the letters a word shares with the one before stay computed (a sorted list
 * shares most), and a row over the bound rules out every word that begins
 * with those letters.
 */

/**
 * A matcher for one query word.
 *
 * @param term The query word.
 * @param max The largest distance of interest.
 * @returns A function from an indexed word to its distance from `term` when that is at most `max`,
 *   else `max + 1`. It keeps the rows of the last word it was given: give it words in sorted order.
 */
export function editDistanceWithin(term: string, max: number): (word: string) => number {
  const over = max + 1;
  const width = term.length + 1;
  const rows: Int32Array[] = [Int32Array.from({ length: width }, (_, j) => j)];
  const terms = Array.from({ length: term.length }, (_, j) => term.charCodeAt(j));
  // The last word given, how many of its rows are computed, and the first of them over the bound.
  let previous = '';
  let computed = 0;
  let deadAt = Infinity;

  return (word) => {
    let shared = 0;
    const limit = Math.min(computed, word.length, previous.length);
    while (shared < limit && word.charCodeAt(shared) === previous.charCodeAt(shared)) shared++;
    previous = word;
    if (deadAt <= shared) {
      computed = shared;
      return over;
    }
    deadAt = Infinity;
    computed = shared;
    if (Math.abs(word.length - term.length) > max) return over;
    for (let i = shared + 1; i <= word.length; i++) {
      const above = rows[i - 1]!;
      const row = (rows[i] ??= new Int32Array(width));
      const char = word.charCodeAt(i - 1);
      row[0] = i;
      let least = i;
      for (let j = 1; j < width; j++) {
        const substitution = above[j - 1]! + (char === terms[j - 1] ? 0 : 1);
        const deletion = above[j]! + 1;
        const insertion = row[j - 1]! + 1;
        const cell = substitution < deletion ? (substitution < insertion ? substitution : insertion) : deletion < insertion ? deletion : insertion;
        row[j] = cell;
        if (cell < least) least = cell;
      }
      computed = i;
      // Every later row adds to this one's cells: no word beginning with these letters comes back under the bound.
      if (least > max) {
        deadAt = i;
        return over;
      }
    }
    const distance = rows[word.length]![term.length]!;
    return distance > max ? over : distance;
  };
}

/**
 * The A–Z title index: which letter a headline is filed under, and how
 * headlines sort within it.
 */

/** The letters of the index, in order; "#" holds titles that start with anything else. */
export const INDEX_LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '#'] as const;

/** One letter of the index. */
export type IndexLetter = (typeof INDEX_LETTERS)[number];

const COLLATOR = new Intl.Collator('en', { sensitivity: 'base', numeric: true, ignorePunctuation: true });
const LATIN = /^[A-Z]$/;

/**
 * The letter a title is filed under: its first letter or digit without
 * accents; "#" for digits, other scripts and titles without letters.
 *
 * @param title A headline.
 * @returns "A" to "Z", or "#".
 */
export function fileUnderLetter(title: string): IndexLetter {
  const first = /[\p{L}\p{N}]/u.exec(title.normalize('NFD'))?.[0]?.toUpperCase() ?? '#';
  return LATIN.test(first) ? (first as IndexLetter) : '#';
}

/**
 * Compare two titles as an index orders them: letters only, case and accents ignored.
 *
 * @param a A title.
 * @param b Another title.
 * @returns Negative, zero or positive, as `Array.prototype.sort` expects.
 */
export function compareTitles(a: string, b: string): number {
  return COLLATOR.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * The URL segment of a letter.
 *
 * @param letter A letter of the index.
 * @returns "a" to "z", or "other" for "#".
 */
export function letterSegment(letter: IndexLetter): string {
  return letter === '#' ? 'other' : letter.toLowerCase();
}

/**
 * Whether a story's opening paragraph gets a drop cap. A floated
 * `::first-letter` takes the first letter (with any punctuation around it) out
 * of the line; when a space follows it ("A fire swept…"), that space starts
 * the line and collapses, and Chromium's selection and `innerText` then read
 * "Afire swept…": copied text would not be the story's text. Such openings
 * get no drop cap. (`initial-letter` is no cure: Chromium lays it out the
 * same way, and Firefox does not support it.)
 */

// What CSS's ::first-letter takes (punctuation, one letter or digit and its
// marks, punctuation) followed by a space or nothing.
const LONE_FIRST_LETTER = /^[\p{P}\s]*[\p{L}\p{N}]\p{M}*\p{P}*(?:\s|$)/u;

/**
 * @param opening The opening paragraph's text, or its start.
 * @returns False when the first letter is a word on its own, or there is no text.
 */
export function takesDropCap(opening: string): boolean {
  return /[\p{L}\p{N}]/u.test(opening) && !LONE_FIRST_LETTER.test(opening);
}

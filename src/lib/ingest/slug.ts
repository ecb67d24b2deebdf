/**
 * Permanent URL segments for stories.
 */

const MAX_WORDS_LENGTH = 60;
// Accents on Latin letters go ("Zürich" → "zurich"); marks that are part of
// other scripts' letters stay.
const LATIN_WITH_MARKS = /([A-Za-z])[\u0300-\u036F]+/g;
const NOT_WORD = /[^\p{L}\p{N}\p{M}]+/gu;
// "Iran’s" is one word in a URL: "irans".
const INNER_APOSTROPHE = /(?<=[\p{L}\p{N}])['’](?=[\p{L}\p{N}])/gu;

// Most titles of an English archive: ASCII, curly quotes and dashes, none of
// which Unicode normalization changes. Their words come from the same steps
// with ASCII classes, several times faster.
const PLAIN_TITLE = /^[\x20-\x7e‘’“”–—]*$/;
const PLAIN_INNER_APOSTROPHE = /(?<=[a-z0-9])['’](?=[a-z0-9])/g;
const PLAIN_NOT_WORD = /[^a-z0-9]+/g;
const SLUG_WORDS = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Readable words for a URL from a title: lower case, Latin accents dropped,
 * other scripts' letters kept, anything else a single "-".
 *
 * @param title A headline.
 * @returns The words joined by "-", possibly empty (a title of punctuation alone).
 */
export function slugWords(title: string): string {
  // Slug words already (the ingest settles URLs from its slugs' words): they are their own.
  if (title.length <= MAX_WORDS_LENGTH && SLUG_WORDS.test(title)) return title;
  const words = (
    PLAIN_TITLE.test(title)
      ? title.toLowerCase().replace(PLAIN_INNER_APOSTROPHE, '').replace(PLAIN_NOT_WORD, '-')
      : title.normalize('NFKD').replace(LATIN_WITH_MARKS, '$1').normalize('NFC').toLowerCase().replace(INNER_APOSTROPHE, '').replace(NOT_WORD, '-')
  ).replace(/^-+|-+$/g, '');
  if (words.length <= MAX_WORDS_LENGTH) return words;
  const cut = words.slice(0, MAX_WORDS_LENGTH + 1);
  const end = cut.lastIndexOf('-');
  if (end > 0) return cut.slice(0, end).replace(/-+$/, '');
  // One long word: cut between characters, never inside a surrogate pair.
  const last = words.charCodeAt(MAX_WORDS_LENGTH - 1);
  return words.slice(0, last >= 0xd800 && last <= 0xdbff ? MAX_WORDS_LENGTH - 1 : MAX_WORDS_LENGTH);
}

/**
 * The slug of a story: its title's words and the start of its content hash,
 * so it is unique without depending on which other stories exist.
 *
 * @param title The headline.
 * @param id The story's content hash (hex).
 * @param hashLength How many hex digits of the hash to keep (more only to break a clash).
 * @returns A slug such as `rare-moment-of-doubt-5c1e9a`, or `story-5c1e9a` for a title without words.
 */
export function makeSlug(title: string, id: string, hashLength = 6): string {
  const words = slugWords(title);
  return `${words.length > 0 ? words : 'story'}-${id.slice(0, hashLength)}`;
}

/** The file of a story's entry in the entries folder. */
export const entryName = (slug: string): string => `${slug}.md`;

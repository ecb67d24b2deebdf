/**
 * The FNV-1a hashes of a text's words, lower case: what `identityWords(text)
 * .map(fnv1a)` gives, without building the lower-case text or a string per
 * word. Every article of every run is sketched, so this is the ingest's
 * hottest loop; it also counts the words as a reader does (`countWords`), so
 * the entry's word count takes no pass of its own.
 */
import { countWords } from '../ingest/text.ts';
import { fnv1a } from '../text/fnv1a.ts';

const WORD = /[\p{L}\p{N}]+/gu;
const IS_WORD = /^[\p{L}\p{N}]$/u;

/** The table's reach: Latin, Greek, Cyrillic, Arabic, Hebrew, general punctuation… */
const COVERED = 0x3000;
const SEPARATOR = -1;
/**
 * A code unit the table cannot answer for: its lower case is not one code
 * unit (İ), depends on what follows (Σ, final sigma), or is a word character
 * where the unit is not, or the other way round.
 */
const EXACT_ONLY = -2;

// For each code unit: its lower case when both are one letter or digit, else
// SEPARATOR (punctuation, space, marks) or EXACT_ONLY.
const LOWER = new Int32Array(COVERED);
for (let unit = 0; unit < COVERED; unit++) {
  const char = String.fromCharCode(unit);
  const lower = char.toLowerCase();
  const word = IS_WORD.test(char);
  if (unit >= 0xd800 || unit === 0x3a3 || lower.length !== 1 || IS_WORD.test(lower) !== word) LOWER[unit] = EXACT_ONLY;
  else LOWER[unit] = word ? lower.charCodeAt(0) : SEPARATOR;
}

/** A text's words as `scanWords` found them. */
export interface WordScan {
  /** Each word's `fnv1a` hash (as a signed 32-bit integer), in order, in `hashes[0…length)`. */
  hashes: Int32Array;
  length: number;
  /** How many space-separated tokens hold a letter or digit (`countWords`). */
  readerWords: number;
}

// Reused from one text to the next: `scanWords` answers in it.
let buffer = new Int32Array(1024);

/** The exact route, for text the table does not cover (e.g. CJK, emoji, final sigma). */
function exactScan(text: string): WordScan {
  const words = text.toLowerCase().match(WORD) ?? [];
  if (buffer.length < words.length) buffer = new Int32Array(words.length * 2);
  for (let i = 0; i < words.length; i++) buffer[i] = fnv1a(words[i] as string);
  return { hashes: buffer, length: words.length, readerWords: countWords(text) };
}

/**
 * Find a text's words, for the identity checks and the reader alike.
 *
 * @param text Any text.
 * @returns Its words: runs of letters and digits (Unicode), lower-cased,
 *   hashed. The hashes are valid until the next call.
 */
export function scanWords(text: string): WordScan {
  // A text has at most one word for every two code units, and one more.
  if (buffer.length <= text.length >> 1) buffer = new Int32Array(text.length);
  const hashes = buffer;
  let length = 0;
  let readerWords = 0;
  let hash = 0x811c9dc5;
  let inWord = false;
  // Whether the current space-separated token holds a word yet.
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const lower = unit < COVERED ? (LOWER[unit] as number) : EXACT_ONLY;
    if (lower >= 0) {
      hash = Math.imul(hash ^ lower, 0x01000193);
      if (!inWord && !counted) {
        readerWords++;
        counted = true;
      }
      inWord = true;
    } else if (lower === SEPARATOR) {
      if (inWord) hashes[length++] = hash;
      if (unit === 32) counted = false;
      hash = 0x811c9dc5;
      inWord = false;
    } else {
      return exactScan(text);
    }
  }
  if (inWord) hashes[length++] = hash;
  return { hashes, length, readerWords };
}

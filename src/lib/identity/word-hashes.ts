/**
 * The FNV-1a hashes of a text's words, lower case: what `identityWords(text)
 * .map(fnv1a)` gives, without building the lower-case text or a string per
 * word. Every article of every run is sketched, so this is the ingest's
 * hottest loop.
 */
import { fnv1a } from '../text/fnv1a.ts';

const WORD = /[\p{L}\p{N}]+/gu;
const IS_WORD = /^[\p{L}\p{N}]$/u;

/** The table's reach: Latin, Greek, Cyrillic, Arabic, Hebrew, general punctuation… */
const COVERED = 0x3000;
const SEPARATOR = -1;
/** A code unit whose lower case is not one word character alone: Σ (final sigma depends on what follows), İ (two code units). */
const EXACT_ONLY = -2;

// For each code unit: its lower case when that is one letter or digit, else
// SEPARATOR (punctuation, space, marks) or EXACT_ONLY.
const LOWER = new Int32Array(COVERED);
for (let unit = 0; unit < COVERED; unit++) {
  const char = String.fromCharCode(unit);
  const lower = char.toLowerCase();
  if (unit >= 0xd800 || unit === 0x3a3 || lower.length !== 1) LOWER[unit] = EXACT_ONLY;
  else LOWER[unit] = IS_WORD.test(lower) ? lower.charCodeAt(0) : SEPARATOR;
}

/** The exact route, for text the table does not cover (e.g. CJK, emoji, final sigma). */
function exactWordHashes(text: string): number[] {
  return (text.toLowerCase().match(WORD) ?? []).map(fnv1a);
}

/**
 * @param text Any text.
 * @returns Each word's `fnv1a` hash, in order; a word is a run of letters and digits (Unicode), lower-cased.
 */
export function wordHashes(text: string): number[] {
  const hashes: number[] = [];
  let hash = 0x811c9dc5;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const lower = unit < COVERED ? (LOWER[unit] as number) : EXACT_ONLY;
    if (lower >= 0) {
      hash = Math.imul(hash ^ lower, 0x01000193);
      inWord = true;
    } else if (lower === SEPARATOR) {
      if (inWord) hashes.push(hash >>> 0);
      hash = 0x811c9dc5;
      inWord = false;
    } else {
      return exactWordHashes(text);
    }
  }
  if (inWord) hashes.push(hash >>> 0);
  return hashes;
}

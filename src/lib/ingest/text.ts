/**
 * Text normalization shared by the parser, caption dedupe and the search index.
 */

// Every kind of horizontal space a scraper leaves behind: tabs, no-break and
// thin spaces, zero-width spaces and stray byte-order marks.
const SPACES = /[\s\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000\uFEFF]+/gu;

// Horizontal space other than the plain space: what JavaScript's \s matches
// but for line ends, plus zero-width spaces. Rare in dumps, so testing for it
// first is cheap.
const SPECIAL_SPACE = /[\t\v\f\u00A0\u1680\u2000-\u200B\u2028\u2029\u202F\u205F\u3000\uFEFF]/;
const SPECIAL_SPACES = new RegExp(SPECIAL_SPACE.source, 'g');
const DOUBLE_SPACES = / {2,}/g;

/**
 * Split a dump into folded lines (a byte-order mark dropped; LF, CRLF or lone
 * CR ends a line; each line as `foldSpaces` makes it). Each step is one pass
 * over the whole text, since passes per line, or a regex tried at every line
 * edge, cost several times more; only line edges are looked at line by line.
 *
 * @param text Raw file contents.
 * @returns The lines, each folded.
 */
export function foldLines(text: string): string[] {
  let body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.includes('\r')) body = body.replace(/\r\n?/g, '\n');
  if (SPECIAL_SPACE.test(body)) body = body.replace(SPECIAL_SPACES, ' ');
  body = body.replace(DOUBLE_SPACES, ' ');
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.charCodeAt(0) === 32 || line.charCodeAt(line.length - 1) === 32) lines[i] = line.trim();
  }
  return lines;
}

/**
 * Fold every run of spaces, tabs and invisible spaces into one space and trim.
 *
 * @param line One line of text.
 * @returns The line as a reader sees it.
 */
export function foldSpaces(line: string): string {
  return needsFolding(line) ? line.replace(SPACES, ' ').trim() : line;
}

// Most lines are already folded: one pass over char codes is far cheaper than a
// Unicode regex replace on every line of a 100k-story archive.
function needsFolding(line: string): boolean {
  const last = line.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = line.charCodeAt(i);
    if (c === 32) {
      if (i === 0 || i === last || line.charCodeAt(i + 1) === 32) return true;
    } else if (c < 32 || c === 0x85 || c === 0xa0 || (c >= 0x1680 && isSpecialSpace(c))) {
      return true;
    }
  }
  return false;
}

function isSpecialSpace(c: number): boolean {
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The key two printed copies of a line share when they differ only in spacing.
 *
 * @param line One line of text, folded or not.
 * @returns The line with all spacing removed.
 */
export function spacingKey(line: string): string {
  return OTHER_SPACE.test(line) ? line.replace(SPACES, '') : line.replaceAll(' ', '');
}

/**
 * Whether two folded lines differ only in spacing: `spacingKey` of each would
 * be equal. Compared with their spaces skipped, without building the keys, so
 * lines that differ are usually told apart in a few characters.
 *
 * @param a A folded line (no space but the plain one).
 * @param b Another.
 */
export function sameButSpacing(a: string, b: string): boolean {
  if (a === b) return true;
  const aEnd = a.length;
  const bEnd = b.length;
  let x = 0;
  let y = 0;
  for (;;) {
    while (x < aEnd && a.charCodeAt(x) === 32) x++;
    while (y < bEnd && b.charCodeAt(y) === 32) y++;
    if (x === aEnd || y === bEnd) return x === aEnd && y === bEnd;
    if (a.charCodeAt(x++) !== b.charCodeAt(y++)) return false;
  }
}

/**
 * A hash two folded copies of a line share whenever `sameButSpacing` says
 * they are copies: FNV-1a over the line's characters, spaces skipped. Lines
 * with the same hash may still differ; compare them to be sure.
 *
 * @param line A folded line (no space but the plain one).
 * @returns A 32-bit hash.
 */
export function spacelessHash(line: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32) hash = Math.imul(hash ^ c, 0x01000193);
  }
  return hash >>> 0;
}

// Any white space but the plain space (a native test; most lines hold none).
const OTHER_SPACE = /[^\S ]|\u200B/;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Count words the way a reader would: space-separated tokens holding a letter
 * or digit ("Iran’s", "US-led" and "2024." are one word each; a dash is none).
 *
 * @param text Folded text (single spaces).
 * @returns How many words it holds.
 */
export function countWords(text: string): number {
  let words = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf(' ', start);
    if (end < 0) end = text.length;
    // Most tokens start with an ASCII letter or digit, the others mostly with
    // a quote: ASCII and general punctuation (quotes, dashes) are told by their
    // code, and only the rest of a token from its first other character is
    // tested against the Unicode classes.
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) {
        words++;
        break;
      }
      if (c >= 0x80 && !(c >= 0x2000 && c <= 0x206f)) {
        if (LETTER_OR_DIGIT.test(text.slice(i, end))) words++;
        break;
      }
    }
    start = end + 1;
  }
  return words;
}

/**
 * Text normalization shared by the parser, caption dedupe and the search index.
 */

// Every kind of horizontal space a scraper leaves behind: tabs, no-break and
// thin spaces, zero-width spaces and stray byte-order marks.
const SPACES = /[\s\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000\uFEFF]+/gu;

/**
 * Split a dump into lines: drops a byte-order mark and accepts LF, CRLF or lone CR.
 *
 * @param text Raw file contents.
 * @returns The lines, without their line ends.
 */
export function splitLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.split(/\r\n|\r|\n/);
}

/**
 * Fold every run of spaces, tabs and invisible spaces into one space and trim.
 *
 * @param line One line of text.
 * @returns The line as a reader sees it.
 */
export function foldSpaces(line: string): string {
  return line.replace(SPACES, ' ').trim();
}

/**
 * The key two printed copies of a line share when they differ only in spacing.
 *
 * @param line One line of text, folded or not.
 * @returns The line with all spacing removed.
 */
export function spacingKey(line: string): string {
  return line.replace(SPACES, '');
}

/**
 * Count words the way a reader would: runs of letters or digits, with inner
 * apostrophes and hyphens kept in one word.
 *
 * @param text Any text.
 * @returns How many words it holds.
 */
export function countWords(text: string): number {
  const words = text.match(/[\p{L}\p{N}\p{M}]+(?:['’\-][\p{L}\p{N}\p{M}]+)*/gu);
  return words ? words.length : 0;
}

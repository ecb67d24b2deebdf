/**
 * Word boundaries shared by the index, the query, phrase checks and snippets.
 */

// A word: letters, digits and combining marks (Arabic harakat, Latin accents
// in decomposed form), joined by nothing else. Everything else separates.
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** One word of a text and where it stands. */
export interface Token {
  /** The word as printed. */
  text: string;
  /** Offset of its first UTF-16 unit in the text. */
  start: number;
  /** Offset just past its last UTF-16 unit. */
  end: number;
}

/**
 * Split text into words, dropping punctuation and spaces.
 *
 * @param text Any text.
 * @returns The words in order (not folded).
 */
export function tokenizeText(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * Split text into words with their offsets, for highlighting in place.
 *
 * @param text Any text.
 * @returns The words in order with start and end offsets.
 */
export function locateTokens(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

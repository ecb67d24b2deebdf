/**
 * The writing direction of a piece of text, from its first strong character,
 * as the Unicode bidirectional algorithm (rule P2) and `dir="auto"` decide it.
 */

/** A text direction as HTML's `dir` attribute spells it. */
export type Direction = 'ltr' | 'rtl';

// Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, Arabic supplements and presentation forms.
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]|[\u{10800}-\u{10FFF}]|[\u{1E800}-\u{1EFFF}]/u;
const STRONG = /[\p{L}]/u;

/**
 * Detect the direction of text from its first letter.
 *
 * @param text Any text: a headline, a paragraph.
 * @returns "rtl" when the first letter belongs to a right-to-left script, else "ltr".
 */
export function detectDirection(text: string): Direction {
  for (const char of text) {
    if (!STRONG.test(char)) continue;
    return RTL.test(char) ? 'rtl' : 'ltr';
  }
  return 'ltr';
}

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

const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/gu;
const HEBREW_LETTER = /[\u0590-\u05FF\uFB1D-\uFB4F]/gu;
const ANY_LETTER = /\p{L}/gu;
const URDU = /[\u0679\u0688\u0691\u06BA\u06BE\u06C1\u06D2]/u;
const PERSIAN = /[\u067E\u0686\u0698\u06AF\u06CC]/u;

/**
 * Guess the language of text written mostly in a right-to-left script, so a
 * story in Arabic can carry `lang="ar"` (WCAG 3.1.2, language of parts) while
 * the interface stays English. Latin-script stories get no guess: they inherit
 * the page's language.
 *
 * @param text The story's headline and opening.
 * @returns "ar", "fa", "ur" or "he" when most letters are in that script, else undefined.
 */
export function guessScriptLanguage(text: string): string | undefined {
  const letters = text.match(ANY_LETTER)?.length ?? 0;
  if (letters === 0) return undefined;
  const arabic = text.match(ARABIC_LETTER)?.length ?? 0;
  const hebrew = text.match(HEBREW_LETTER)?.length ?? 0;
  if (arabic * 2 > letters) return URDU.test(text) ? 'ur' : PERSIAN.test(text) ? 'fa' : 'ar';
  if (hebrew * 2 > letters) return 'he';
  return undefined;
}

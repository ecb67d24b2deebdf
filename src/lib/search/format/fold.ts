/**
 * Folding shared by the index, the query and the highlighter: a reader who
 * types "cafe", "CAFÉ" or "café" finds the same stories, in Latin and Arabic.
 * Folding works token by token, so offsets in the original text stay valid.
 */

// Everything but letters and digits: combining marks (Latin accents after NFKD,
// Arabic harakat, shadda, sukun), tatweel, and anything NFKD splits off
// ("½" -> "1⁄2"), so a folded word never contains a separator.
const MARKS = /[^\p{L}\p{N}]|\u0640/gu;
// Arabic letters with several printed forms that readers type interchangeably.
const ARABIC_LETTERS: Record<string, string> = {
  '\u0622': '\u0627', // alef with madda above -> alef
  '\u0623': '\u0627', // alef with hamza above -> alef
  '\u0625': '\u0627', // alef with hamza below -> alef
  '\u0671': '\u0627', // alef wasla -> alef
  '\u0649': '\u064A', // alef maksura -> yeh
  '\u0629': '\u0647', // teh marbuta -> heh
};
const ARABIC_VARIANTS = /[\u0622\u0623\u0625\u0671\u0649\u0629]/g;
// Letters NFKD leaves whole but readers type without their stroke or ligature.
const LATIN_LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
  ð: 'd',
};
const LATIN_VARIANTS = /[ßæœøđłıþð]/g;
// The Arabic article and the particles fused to it ("the", "and the", "with
// the", "for the"): readers search "انتخابات" and expect "الانتخابات".
const ARABIC_ARTICLE = /^(?:ال|وال|بال|كال|فال|لل)(?=[\u0621-\u064A]{3})/;

/**
 * Fold a word for matching: compatibility forms, case, accents, Arabic
 * diacritics, tatweel, letter variants and the fused Arabic article.
 *
 * @param word One token of text (or any text: folding is per character).
 * @returns The folded word; may be shorter than the input.
 */
export function foldWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(LATIN_VARIANTS, (c) => LATIN_LETTERS[c] ?? c)
    .replace(ARABIC_VARIANTS, (c) => ARABIC_LETTERS[c] ?? c)
    .replace(ARABIC_ARTICLE, '');
}

/**
 * Straighten typographic quotes so `“harbour street”` and `"harbour street"`
 * parse as the same phrase and `’` splits words like `'`.
 *
 * @param text Any text.
 * @returns The text with curly, low and angle quotes replaced by `"` or `'`.
 */
export function straightenQuotes(text: string): string {
  return text.replace(/[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033\u301D\u301E]/g, '"').replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'");
}

/**
 * The text of a story as the extractor reads it: its units (title, captions,
 * paragraphs) in reading order, each split into sentences.
 */
import type { ParsedArticle } from '../ingest/types.ts';

/** One sentence of the story. */
export interface Sentence {
  text: string;
  /** Index of the unit (paragraph, caption, heading) it belongs to. */
  unit: number;
  /** Where the sentence starts in its unit's text. */
  offset: number;
  /** Whether the unit is the title or subtitle (names count; dates and quotes do not). */
  heading: boolean;
}

// Words whose period does not end a sentence.
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'maj',
  'adm',
  'brig',
  'gov',
  'sen',
  'rep',
  'st',
  'jr',
  'sr',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'no',
  'vs',
  'etc',
  'inc',
  'ltd',
  'co',
  'corp',
  'u.s',
  'u.k',
  'u.n',
  'e.g',
  'i.e',
  'approx',
  'mt',
  'ft',
]);

// A candidate end: . ! ? or an ellipsis, closing quotes or brackets, then space and a capital or opening quote.
const END = /([.!?…]+)(["”’')\]]*)\s+(?=["“‘(]?[\p{Lu}\p{N}])/gu;

/**
 * Split one paragraph into sentences.
 *
 * @param text A paragraph, whitespace folded.
 * @returns Its sentences, trimmed.
 */
export function splitSentences(text: string): { text: string; offset: number }[] {
  const sentences: { text: string; offset: number }[] = [];
  let start = 0;
  for (const match of text.matchAll(END)) {
    const end = match.index + match[1]!.length + match[2]!.length;
    if (match[1] === '.' && match[2] === '') {
      const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(start, match.index - 12), match.index))?.[1]?.toLowerCase() ?? '';
      if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) continue;
    }
    push(text, start, end, sentences);
    start = end;
  }
  push(text, start, text.length, sentences);
  return sentences;
}

function push(text: string, start: number, end: number, sentences: { text: string; offset: number }[]): void {
  const slice = text.slice(start, end);
  const trimmed = slice.trim();
  if (trimmed) sentences.push({ text: trimmed, offset: start + slice.indexOf(trimmed) });
}

/**
 * The units of a story in reading order: title, subtitle, header captions,
 * then the body (paragraphs, headings and inline captions).
 */
export function storyUnits(article: ParsedArticle): { text: string; heading: boolean; caption: boolean }[] {
  const units = [{ text: article.title, heading: true, caption: false }];
  if (article.subtitle) units.push({ text: article.subtitle, heading: true, caption: false });
  for (const caption of article.captions) units.push({ text: caption.text, heading: false, caption: true });
  for (const block of article.blocks) {
    if (block.type === 'figure') units.push({ text: block.caption.text, heading: false, caption: true });
    else units.push({ text: block.text, heading: false, caption: false });
  }
  return units;
}

/** Every sentence of a story, in reading order. */
export function storySentences(article: ParsedArticle): Sentence[] {
  return storyUnits(article).flatMap((unit, index) =>
    splitSentences(unit.text).map(({ text, offset }) => ({ text, unit: index, offset, heading: unit.heading })),
  );
}

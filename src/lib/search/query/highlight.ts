/**
 * Highlighting and snippets as plain segments: the browser turns each into a
 * text node (or a `<mark>` holding one), so story text is never parsed as
 * HTML.
 */
import { foldWord } from '../format/fold.ts';
import { locateTokens as locateAll, type Token } from '../format/tokenize.ts';
import { createLru } from './lru.ts';

// Re-rendering results on every keystroke re-reads the same story texts:
// remember their tokens (keyed by the string itself) and each word's folded form.
const tokensOf = createLru<string, Token[]>(64);
const folded = createLru<string, string>(50_000);

function locateTokens(text: string): Token[] {
  let tokens = tokensOf.get(text);
  if (!tokens) tokensOf.set(text, (tokens = locateAll(text)));
  return tokens;
}

function fold(word: string): string {
  let result = folded.get(word);
  if (result === undefined) folded.set(word, (result = foldWord(word)));
  return result;
}

/** A run of text, highlighted or not. */
export interface Segment {
  /** The characters, exactly as in the source text. */
  text: string;
  /** True for a matched word. */
  match: boolean;
}

/** What to highlight. */
export interface HighlightTerms {
  /** Folded index terms that matched (`SearchHit#terms`). */
  terms: readonly string[];
  /** Phrases as folded words; every word of an occurrence is highlighted. */
  phrases?: readonly (readonly string[])[];
}

/**
 * Split a text into highlighted and plain segments.
 *
 * @param text The text (a headline, say).
 * @param what The matched terms and phrases.
 * @returns Segments covering the whole text.
 */
export function highlightText(text: string, what: HighlightTerms): Segment[] {
  const tokens = locateTokens(text);
  return toSegments(text, tokens, markTokens(tokens, what), 0, text.length);
}

/**
 * A short extract of a text around its first matched word, highlighted;
 * the start of the text when nothing matches. Cut at word boundaries, with
 * "…" where text was left out.
 *
 * @param text The text (a story body).
 * @param what The matched terms and phrases.
 * @param maxChars About how long the extract may be.
 * @returns Segments of the extract.
 */
export function makeSnippet(text: string, what: HighlightTerms, maxChars = 220): Segment[] {
  const tokens = locateTokens(text);
  if (tokens.length === 0) return [];
  // Fold only until the first match: bodies run to thousands of words.
  const first = Math.max(0, findFirstMatch(tokens, what));
  let from = first;
  // Lead in with a few words of context, then run on to the length limit.
  while (from > 0 && first - from < 8 && (tokens[first] as Token).start - (tokens[from - 1] as Token).start < maxChars / 3) from--;
  let to = first;
  while (to + 1 < tokens.length && (tokens[to + 1] as Token).end - (tokens[from] as Token).start <= maxChars) to++;
  const start = from === 0 ? 0 : (tokens[from] as Token).start;
  const end = to === tokens.length - 1 ? text.length : (tokens[to] as Token).end;
  const window = tokens.slice(from, to + 1);
  const segments = toSegments(text, window, markTokens(window, what), start, end).map((segment) => ({
    ...segment,
    text: segment.text.replace(/\s+/g, ' '),
  }));
  if (start > 0) segments.unshift({ text: '… ', match: false });
  if (end < text.length) segments.push({ text: ' …', match: false });
  return segments;
}

/**
 * Whether a text holds any matched word or phrase.
 *
 * @param text Any text.
 * @param what The matched terms and phrases.
 * @returns True when `makeSnippet` would highlight something.
 */
export function hasMatch(text: string, what: HighlightTerms): boolean {
  return findFirstMatch(locateTokens(text), what) >= 0;
}

function findFirstMatch(tokens: readonly Token[], what: HighlightTerms): number {
  const terms = new Set(what.terms);
  const starts = new Set((what.phrases ?? []).map((phrase) => phrase[0]));
  for (let i = 0; i < tokens.length; i++) {
    const word = fold((tokens[i] as Token).text);
    if (terms.has(word)) return i;
    if (starts.has(word) && markTokens(tokens.slice(i, i + 12), what)[0]) return i;
  }
  return -1;
}

function markTokens(tokens: readonly Token[], what: HighlightTerms): boolean[] {
  const terms = new Set(what.terms);
  const words = tokens.map((token) => fold(token.text));
  const marks = words.map((word) => terms.has(word));
  for (const phrase of what.phrases ?? []) {
    outer: for (let i = 0; i + phrase.length <= words.length; i++) {
      for (let j = 0; j < phrase.length; j++) if (words[i + j] !== phrase[j]) continue outer;
      for (let j = 0; j < phrase.length; j++) marks[i + j] = true;
    }
  }
  return marks;
}

function toSegments(text: string, tokens: readonly Token[], marks: readonly boolean[], start: number, end: number): Segment[] {
  const segments: Segment[] = [];
  let cursor = start;
  const push = (to: number, match: boolean) => {
    if (to <= cursor) return;
    const last = segments[segments.length - 1];
    const piece = text.slice(cursor, to);
    if (last && last.match === match) last.text += piece;
    else segments.push({ text: piece, match });
    cursor = to;
  };
  tokens.forEach((token, i) => {
    if (!marks[i] || token.start < start || token.end > end) return;
    push(token.start, false);
    push(token.end, true);
  });
  push(end, false);
  return segments;
}

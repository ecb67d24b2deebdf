/**
 * Read what a reader typed: words that must all match, and "exact phrases".
 */
import { foldWord, straightenQuotes } from '../format/fold.ts';
import { processSearchTerm } from '../format/options.ts';
import { tokenizeText } from '../format/tokenize.ts';

/** A query, folded. */
export interface ParsedQuery {
  /** Indexed terms that must all match, folded, without stopwords or repeats. */
  terms: string[];
  /** Quoted phrases of two or more words, each as folded words (stopwords kept). */
  phrases: string[][];
  /** Words the index leaves out (stopwords), as typed, to tell the reader. */
  ignored: string[];
}

/**
 * Parse a query. Curly and straight quotes are the same; an unclosed quote
 * (still being typed) counts as plain words.
 *
 * @param query The query as typed.
 * @returns Its terms, phrases and ignored words.
 */
export function parseQuery(query: string): ParsedQuery {
  const text = straightenQuotes(query);
  const phrases: string[][] = [];
  const parts = text.split('"');
  // Odd parts sit between a pair of quotes; a final odd part has no closing quote.
  parts.forEach((part, i) => {
    if (i % 2 === 1 && i < parts.length - 1) {
      const words = tokenizeText(part)
        .map(foldWord)
        .filter((word) => word.length > 0);
      if (words.length > 1) phrases.push(words);
    }
  });
  const terms: string[] = [];
  const ignored: string[] = [];
  for (const word of tokenizeText(text)) {
    const term = processSearchTerm(word);
    if (term === null) {
      if (!ignored.includes(word)) ignored.push(word);
    } else if (!terms.includes(term)) {
      terms.push(term);
    }
  }
  return { terms, phrases, ignored };
}

/**
 * A vocabulary shaped like a real news archive's: the common words first,
 * then tens of thousands of invented words, drawn by Zipf's law (the word of
 * rank r about 1/r as often as the commonest). Real archives hold that many
 * names and terms; a small vocabulary puts every word in most stories and
 * flatters any search index.
 */
import { inventWord } from './random.ts';
import { COMMON_WORDS } from './vocabulary.ts';

/** Words and a sampler over them. */
export interface ZipfVocabulary {
  /** Every word, commonest first: `words[r - 1]` has frequency rank r. */
  words: readonly string[];
  draw: () => string;
}

/** Options of a Zipf vocabulary. */
export interface ZipfOptions {
  /** Distinct words (default 60,000). */
  size?: number;
  /** Zipf exponent (default 1, as measured on English text). */
  exponent?: number;
}

/**
 * Build a Zipf vocabulary.
 *
 * @param next Uniform random numbers in [0, 1): the words and draws depend only on them.
 * @param options Size and exponent.
 * @returns The words by rank and a sampler.
 */
export function createZipfVocabulary(next: () => number, options: ZipfOptions = {}): ZipfVocabulary {
  const size = options.size ?? 60_000;
  const exponent = options.exponent ?? 1;
  const seen = new Set(COMMON_WORDS);
  const words = [...seen];
  while (words.length < size) {
    // Shorter invented words take the commoner ranks, as in real text.
    const word = inventWord(next, 2 + Math.floor(next() * (words.length < size / 10 ? 2 : 3)));
    if (seen.has(word)) continue;
    seen.add(word);
    words.push(word);
  }
  const cumulative = new Float64Array(size);
  let sum = 0;
  for (let rank = 1; rank <= size; rank++) cumulative[rank - 1] = sum += rank ** -exponent;
  return {
    words,
    draw() {
      const target = next() * sum;
      let low = 0;
      let high = size - 1;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (cumulative[middle]! < target) low = middle + 1;
        else high = middle;
      }
      return words[low]!;
    },
  };
}

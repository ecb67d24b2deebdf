/**
 * Typo tolerance without fetching every shard a typo might reach. The build
 * also writes the sorted list of indexed words, in chunks; for a query word
 * long enough to tolerate typos, the browser fetches the chunks of words
 * sharing its first letters, finds those within the allowed edits, and then
 * fetches only the shards holding them: usually the shard of the word itself.
 */
import { editDistanceWithin } from './bounded-edit-distance.ts';
import { FUZZY_HEAD_LENGTH, MIN_FUZZY_LENGTH, SEARCH_DEFAULTS } from './options.ts';

/** Words per vocabulary chunk. */
export const VOCABULARY_CHUNK = 1000;

/**
 * Cut the sorted vocabulary into chunks, never splitting the words that share
 * their first letters (`FUZZY_HEAD_LENGTH`): a typo-tolerant query word reads
 * all the words of its first letters, which then come in one file, not the
 * ends of two or three (at 10k stories a two-letter range holds up to 1,700
 * words). Ranges smaller than the size share a chunk; a larger one has its own.
 *
 * @param terms Every indexed term, sorted as shards are (`compareTerms`).
 * @param size Words per chunk, unless one range of first letters holds more.
 * @returns The chunks, in order.
 */
export function chunkVocabulary(terms: readonly string[], size = VOCABULARY_CHUNK): string[][] {
  const chunks: string[][] = [];
  let chunk: string[] = [];
  for (let start = 0; start < terms.length; ) {
    const head = terms[start]!.slice(0, FUZZY_HEAD_LENGTH);
    let end = start + 1;
    while (end < terms.length && terms[end]!.slice(0, FUZZY_HEAD_LENGTH) === head) end++;
    if (chunk.length > 0 && chunk.length + end - start > size) {
      chunks.push(chunk);
      chunk = [];
    }
    for (let i = start; i < end; i++) chunk.push(terms[i]!);
    start = end;
  }
  if (chunk.length > 0 || chunks.length === 0) chunks.push(chunk);
  return chunks;
}

/**
 * How many edits a query word tolerates: MiniSearch's rule for the `fuzzy`
 * option of `SEARCH_DEFAULTS` (a fraction of the length, capped by `maxFuzzy`).
 *
 * @param term A folded query term.
 * @returns The maximum edit distance; 0 for words too short to tolerate typos.
 */
export function fuzzyDistance(term: string): number {
  if (term.length < MIN_FUZZY_LENGTH) return 0;
  const fuzzy = SEARCH_DEFAULTS.fuzzy as (term: string, i: number, terms: string[]) => number | false;
  const fraction = fuzzy(term, 0, [term]) || 0;
  return Math.min(SEARCH_DEFAULTS.maxFuzzy ?? 6, Math.round(term.length * fraction));
}

/**
 * The indexed words a query word may match despite typos: within its edit
 * distance and sharing its first letters (as `termSearchOptions` requires).
 *
 * @param vocabulary Indexed words (any superset of the ones sharing the first letters).
 * @param term A folded query term.
 * @returns The matching words, the word itself included when indexed.
 */
export function findFuzzyCandidates(vocabulary: Iterable<string>, term: string): string[] {
  const distance = fuzzyDistance(term);
  if (distance === 0) return [];
  const head = term.slice(0, FUZZY_HEAD_LENGTH);
  const within = editDistanceWithin(term, distance);
  const found: string[] = [];
  for (const word of vocabulary) {
    if (word.startsWith(head) && within(word) <= distance) found.push(word);
  }
  return found;
}

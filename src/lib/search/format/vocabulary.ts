/**
 * Typo tolerance without fetching every shard a typo might reach. The build
 * also writes the sorted list of indexed words, in chunks; for a query word
 * long enough to tolerate typos, the browser fetches the chunks of words
 * sharing its first letters, finds those within the allowed edits, and then
 * fetches only the shards holding them: usually the shard of the word itself.
 */
import { editDistance } from '../../text/edit-distance.ts';
import { FUZZY_HEAD_LENGTH, MIN_FUZZY_LENGTH, SEARCH_DEFAULTS } from './options.ts';

/** Words per vocabulary chunk. */
export const VOCABULARY_CHUNK = 1000;

/**
 * Cut the sorted vocabulary into chunks.
 *
 * @param terms Every indexed term, sorted as shards are (`compareTerms`).
 * @param size Words per chunk.
 * @returns The chunks, in order.
 */
export function chunkVocabulary(terms: readonly string[], size = VOCABULARY_CHUNK): string[][] {
  const chunks: string[][] = [];
  for (let i = 0; i < terms.length; i += size) chunks.push(terms.slice(i, i + size));
  return chunks.length > 0 ? chunks : [[]];
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
  const found: string[] = [];
  for (const word of vocabulary) {
    if (!word.startsWith(head) || Math.abs(word.length - term.length) > distance) continue;
    if (editDistance(word, term) <= distance) found.push(word);
  }
  return found;
}

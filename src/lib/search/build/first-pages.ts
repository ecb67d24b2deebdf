/**
 * What a shard carries beside postings (`format/headlines.ts`): for each of
 * its terms in enough stories, the first page of a one-word query's results
 * (and those stories' headlines), ranked as the browser ranks them
 * (`score-term.ts`: the word, its prefix and typo matches, over frequencies
 * rounded as the shards store them). A query for the word then shows its
 * first results from the word's shard, before anything else arrives.
 */
import type { BuiltIndex, TermPostings } from './build-index.ts';
import { FUZZY_HEAD_LENGTH } from '../format/options.ts';
import { decodeShard, encodeShard, FREQUENCY_SCALE } from '../format/shard-format.ts';
import type { FirstPage } from '../format/headlines.ts';
import { scoreTerm } from '../query/score-term.ts';
import { combineAll } from '../query/sharded-search.ts';

/** Which terms, and how many results each. */
export interface FirstPageOptions {
  /** Results per term. */
  perTerm: number;
  /** Only terms in at least this many stories: the words readers search for. */
  fewest: number;
  /** Frequency scale of the shards (`FREQUENCY_SCALE` unless a test needs exact scores). */
  scale?: number;
}

/**
 * The first results of a one-word query for each term in enough stories.
 *
 * @param index The built index.
 * @param options How many results, for which terms.
 * @returns Each term's first page: how many stories its query matches, and the best, best first (ties by id).
 */
export function firstPagesOf(index: BuiltIndex, options: FirstPageOptions): Map<string, FirstPage> {
  const pages = new Map<string, FirstPage>();
  if (options.perTerm <= 0) return pages;
  const scale = options.scale ?? FREQUENCY_SCALE;
  // Sorted, the words of one head are contiguous.
  const terms = [...index.terms.keys()].sort();
  const accumulator = new Float64Array(index.documentCount);
  const seen = new Uint32Array(index.documentCount);
  let stamp = 0;
  const stories = (postings: TermPostings) => {
    stamp++;
    let count = 0;
    for (const list of postings) {
      for (let i = 0; list && i < list.length; i += 2) {
        if (seen[list[i]!] === stamp) continue;
        seen[list[i]!] = stamp;
        count++;
      }
    }
    return count;
  };
  for (let start = 0; start < terms.length; ) {
    // Every word a query term matches shares its first letters (prefix matches start with the
    // term; typo matches keep its head), so the words of one head stand for the shards it fetches.
    const head = terms[start]!.slice(0, FUZZY_HEAD_LENGTH);
    let end = start + 1;
    while (end < terms.length && terms[end]!.slice(0, FUZZY_HEAD_LENGTH) === head) end++;
    const group = terms.slice(start, end);
    start = end;
    const wanted = group.filter((term) => stories(index.terms.get(term) as TermPostings) >= options.fewest);
    if (wanted.length === 0) continue;
    const words = decodeShard(encodeShard(index, group, scale), scale);
    for (const term of wanted) {
      const { total, hits } = combineAll([scoreTerm([words], term, index.documentCount, accumulator)], index.documentCount, options.perTerm);
      pages.set(term, { total, ids: hits.map((hit) => hit.id) });
    }
  }
  return pages;
}

/**
 * Score one query term over loaded shards with MiniSearch's own rules and
 * formula (`executeQuerySpec`/`termResults` in MiniSearch 7): the exact word,
 * then prefix matches weighted `prefix · len / (len + 0.3 · extra)`, then
 * typo matches weighted `fuzzy · len / (len + distance)`, each field's BM25
 * (with the length normalization already in the stored frequency) times the
 * field boost. MiniSearch's `search()` builds an object per matching story and
 * sorts them; a word in most of 10k stories then takes tens of milliseconds.
 * Accumulating into a typed array keeps a keystroke within a frame. The tests
 * check scores against `MiniSearch#search` on one whole index.
 */
import { BUILD_BM25, FUZZY_HEAD_LENGTH, MIN_PREFIX_LENGTH, SEARCH_DEFAULTS, SEARCH_FIELDS } from '../format/options.ts';
import type { LoadedShard, TermData } from '../format/shard-format.ts';
import { fuzzyDistance } from '../format/vocabulary.ts';

/** The stories one query term matches. */
export interface TermHits {
  /** Matching document ids. */
  ids: Int32Array;
  /** Score of each, in the same order. */
  scores: Float64Array;
  /** The index words that matched (exact, prefix and typo), for highlighting. */
  terms: string[];
}

// MiniSearch's defaults for what SEARCH_DEFAULTS leaves unset.
const WEIGHTS = { fuzzy: 0.45, prefix: 0.375, ...SEARCH_DEFAULTS.weights };
const BOOSTS = SEARCH_FIELDS.map((field) => (SEARCH_DEFAULTS.boost as Record<string, number> | undefined)?.[field] ?? 1);
const { k, d } = BUILD_BM25;

/**
 * Score a folded query term.
 *
 * @param shards The shards that can hold its matches (`ShardedSearch` picks them).
 * @param term The folded term.
 * @param documentCount Stories in the whole index.
 * @param accumulator A zeroed array of `documentCount` scores, returned zeroed (reused across calls).
 * @returns The matching stories and words.
 */
export function scoreTerm(shards: readonly LoadedShard[], term: string, documentCount: number, accumulator: Float64Array): TermHits {
  const derived = new Map<string, { data: TermData; weight: number }>();
  const prefix = term.length >= MIN_PREFIX_LENGTH;
  const distance = fuzzyDistance(term);
  const head = term.slice(0, FUZZY_HEAD_LENGTH);
  for (const shard of shards) {
    const exact = shard.get(term);
    if (exact) derived.set(term, { data: exact, weight: 1 });
    if (prefix) {
      for (const [word, data] of shard.atPrefix(term)) {
        if (word === term) continue;
        derived.set(word, { data, weight: (WEIGHTS.prefix * word.length) / (word.length + 0.3 * (word.length - term.length)) });
      }
    }
    if (distance > 0) {
      for (const [word, [data, edits]] of shard.fuzzyGet(term, distance)) {
        // A word that is also a prefix match scores as one; typo matches keep the first letters.
        if (edits === 0 || derived.has(word) || !word.startsWith(head)) continue;
        derived.set(word, { data, weight: (WEIGHTS.fuzzy * word.length) / (word.length + edits) });
      }
    }
  }
  // Each story touched once, in a typed array as long as all the postings, rather than a list grown
  // one id at a time: tens of thousands of them for a keystroke at 100k stories.
  let postingCount = 0;
  for (const { data } of derived.values()) for (const postings of data) postingCount += postings?.ids.length ?? 0;
  const touched = new Int32Array(postingCount);
  let touchedCount = 0;
  for (const { data, weight } of derived.values()) {
    for (let fieldId = 0; fieldId < data.length; fieldId++) {
      const postings = data[fieldId];
      if (!postings) continue;
      const count = postings.ids.length;
      const idf = Math.log(1 + (documentCount - count + 0.5) / (count + 0.5));
      const factor = weight * (BOOSTS[fieldId] ?? 1) * idf;
      const { ids, frequencies } = postings;
      for (let i = 0; i < count; i++) {
        const id = ids[i]!;
        const frequency = frequencies[i]!;
        if (accumulator[id] === 0) touched[touchedCount++] = id;
        accumulator[id]! += factor * (d + (frequency * (k + 1)) / (frequency + k));
      }
    }
  }
  const ids = touched.slice(0, touchedCount);
  const scores = new Float64Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    scores[i] = accumulator[ids[i]!]!;
    accumulator[ids[i]!] = 0;
  }
  return { ids, scores, terms: [...derived.keys()] };
}

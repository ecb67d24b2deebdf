/**
 * Cut an index into term-range shards. Terms are sorted; each shard holds a
 * contiguous run of terms, so an exact word lives in one shard and all words
 * with a given prefix live in a contiguous run of shards. A shard holds its
 * terms' postings in the compact format of shard-format.ts, which the browser
 * decodes into MiniSearch's radix tree with typed postings, and the headlines
 * of a one-word query's first results for each of its terms (`first-pages.ts`).
 */
import type { BuiltIndex, TermPostings } from './build-index.ts';
import { firstPagesOf } from './first-pages.ts';
import { encodeShard, FREQUENCY_SCALE } from '../format/shard-format.ts';
import { storeHeadline, type FirstPage, type Headline, type StoredHeadline } from '../format/headlines.ts';

/** One shard: its first term and its file (shard-format.ts). */
export interface Shard {
  /** The smallest term in the shard; the manifest lists these to route queries. */
  first: string;
  /** The shard file (shard-format.ts). */
  json: string;
}

/** Options for `shardIndex`. */
export interface ShardOptions {
  /** A shard is closed once its JSON would pass this many characters (a lone term may exceed it). */
  targetChars: number;
  /** Frequency scale (`FREQUENCY_SCALE` unless a test needs exact scores). */
  scale?: number;
  /**
   * Each story's slug and headline by id; how many of a one-word query's first results a shard
   * carries for each of its terms, and how many stories a term must be in to have them carried.
   */
  headlines?: { stories: readonly Headline[]; perTerm: number; fewest: number };
}

/**
 * Split an index into shards of about `targetChars` each.
 *
 * @param index The built index.
 * @param options Shard size.
 * @returns Shards in term order.
 */
export function shardIndex(index: BuiltIndex, options: ShardOptions): Shard[] {
  const terms = [...index.terms.keys()].sort(compareTerms);
  const scale = options.scale ?? FREQUENCY_SCALE;
  const pages = options.headlines ? firstPagesOf(index, { ...options.headlines, scale }) : new Map<string, FirstPage>();
  const stories = options.headlines?.stories ?? [];
  const shards: Shard[] = [];
  let run: string[] = [];
  let carried = new Map<number, StoredHeadline>();
  let size = 0;
  const close = () => {
    const headlines = [...carried.values()].sort((a, b) => a[0] - b[0]);
    shards.push({ first: run[0] ?? '', json: encodeShard(index, run, scale, headlines, pages) });
  };
  for (const term of terms) {
    const page = pages.get(term);
    const picked = (page?.ids ?? []).map((id) => storeHeadline(id, stories[id]!));
    const cost =
      estimateTerm(term, index.terms.get(term) as TermPostings) +
      picked.reduce((sum, stored) => sum + JSON.stringify(stored).length + 1, 0) +
      (page ? term.length + 6 * (page.ids.length + 1) : 0);
    if (run.length > 0 && size + cost > options.targetChars) {
      close();
      run = [];
      carried = new Map();
      size = 0;
    }
    size += cost;
    run.push(term);
    for (const stored of picked) carried.set(stored[0], stored);
  }
  if (run.length > 0 || shards.length === 0) close();
  return shards;
}

/**
 * The order shards are cut in and routed by: UTF-16 code units, as `<` compares.
 *
 * @param a A term.
 * @param b Another term.
 * @returns Negative, zero or positive, as for `Array#sort`.
 */
export function compareTerms(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Characters a term adds to a shard: about four per posting (a gap, a
// frequency and their commas), more for long gaps.
function estimateTerm(term: string, postings: TermPostings): number {
  let size = term.length + 6;
  for (const list of postings) {
    if (!list) continue;
    size += 10;
    let previous = 0;
    for (let i = 0; i < list.length; i += 2) {
      const gap = list[i]! - previous;
      previous = list[i]!;
      size += (gap < 10 ? 1 : gap < 100 ? 2 : gap < 1000 ? 3 : gap < 10000 ? 4 : 5) + 4;
    }
  }
  return size;
}

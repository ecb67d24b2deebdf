/**
 * Query a sharded index: each query term is searched in the shards that can
 * hold its matches (see `selectShards`), with MiniSearch, and the per-term
 * results are combined with AND exactly as MiniSearch combines them in one
 * index (scores add up). Shards are fetched on demand and kept in a
 * least-recently-used cache bounded in size, so memory stays flat however
 * many searches a reader makes.
 */
import MiniSearch from 'minisearch';
import { editDistance } from './edit-distance.ts';
import { selectShards, type SearchManifest } from './manifest.ts';
import { SEARCH_OPTIONS, termSearchOptions, type SearchDocument } from './options.ts';

/** One matching story. */
export interface SearchHit {
  /** Document id: the story's position in the index. */
  id: number;
  /** Relevance; higher first. */
  score: number;
  /** Index terms that matched (folded; prefix and typo matches included), for highlighting. */
  terms: string[];
}

/** Where shards come from and how many to keep. */
export interface ShardedSearchOptions {
  /** The manifest of the index. */
  manifest: SearchManifest;
  /** Fetch a shard's JSON by file name. */
  fetchShard: (file: string) => Promise<string>;
  /** Drop least recently used shards once the loaded JSON passes this many characters. */
  maxLoadedChars?: number;
}

/** A search over a sharded index. */
export interface ShardedSearch {
  /**
   * Stories matching every term, best first (ties by id).
   *
   * @param terms Folded query terms (`parseQuery(q).terms`).
   */
  search(terms: readonly string[]): Promise<SearchHit[]>;
  /**
   * A correction for a term nothing matches: the nearest indexed word within
   * two edits (a changed first letter counts half an edit more; ties: the
   * word more stories hold), from the term's own shards.
   *
   * @param term A folded query term.
   */
  suggest(term: string): Promise<string | undefined>;
  /** File names of the shards loaded so far (most recently used last). */
  loadedShards(): string[];
}

interface Loaded {
  index: MiniSearch<SearchDocument>;
  chars: number;
}

/**
 * Create a search over a sharded index.
 *
 * @param options The manifest, a shard fetcher and the cache size.
 * @returns The search.
 */
export function createShardedSearch(options: ShardedSearchOptions): ShardedSearch {
  const { manifest, fetchShard } = options;
  const maxChars = options.maxLoadedChars ?? 24_000_000;
  const cache = new Map<number, Promise<Loaded>>();
  const sizes = new Map<number, number>();

  function load(shard: number): Promise<Loaded> {
    let loading = cache.get(shard);
    if (loading) {
      cache.delete(shard);
      cache.set(shard, loading);
      return loading;
    }
    const file = manifest.files[shard] as string;
    loading = fetchShard(file).then((json) => {
      sizes.set(shard, json.length);
      return { index: MiniSearch.loadJSON<SearchDocument>(json, SEARCH_OPTIONS), chars: json.length };
    });
    loading.catch(() => cache.delete(shard));
    cache.set(shard, loading);
    return loading;
  }

  function evict(keep: ReadonlySet<number>): void {
    let total = 0;
    for (const size of sizes.values()) total += size;
    for (const shard of cache.keys()) {
      if (total <= maxChars) break;
      if (keep.has(shard) || !sizes.has(shard)) continue;
      total -= sizes.get(shard) as number;
      sizes.delete(shard);
      cache.delete(shard);
    }
  }

  async function searchTerm(term: string): Promise<Map<number, SearchHit>> {
    const shards = await Promise.all(selectShards(manifest.shards, term).map(load));
    const hits = new Map<number, SearchHit>();
    const termOptions = termSearchOptions(term);
    for (const { index } of shards) {
      for (const result of index.search(term, termOptions)) {
        const hit = hits.get(result.id as number);
        if (hit) {
          hit.score += result.score;
          for (const matched of result.terms) if (!hit.terms.includes(matched)) hit.terms.push(matched);
        } else {
          hits.set(result.id as number, { id: result.id as number, score: result.score, terms: [...result.terms] });
        }
      }
    }
    return hits;
  }

  return {
    async search(terms) {
      if (terms.length === 0) return [];
      const perTerm = await Promise.all(terms.map(searchTerm));
      evict(new Set(terms.flatMap((term) => selectShards(manifest.shards, term))));
      return combineAll(perTerm);
    },
    async suggest(term) {
      const counts = new Map<string, number>();
      for (const shard of selectShards(manifest.shards, term)) {
        const { index } = await load(shard);
        for (const result of index.search(term, { fuzzy: 2, prefix: false, combineWith: 'OR' })) {
          for (const matched of result.terms) if (matched !== term) counts.set(matched, (counts.get(matched) ?? 0) + 1);
        }
      }
      // Nearest first; then words keeping the first letter (typos there are rare); then the commoner word.
      const ranked = [...counts].map(([word, count]) => ({
        word,
        count,
        distance: editDistance(word, term) + (word[0] === term[0] ? 0 : 0.5),
      }));
      ranked.sort((a, b) => a.distance - b.distance || b.count - a.count || (a.word < b.word ? -1 : 1));
      return ranked[0]?.word;
    },
    loadedShards() {
      return [...cache.keys()].filter((shard) => sizes.has(shard)).map((shard) => manifest.files[shard] as string);
    },
  };
}

/**
 * AND of per-term results: stories in every map, scores summed, terms merged;
 * sorted by score, then id so equal scores come out in a stable order.
 *
 * @param perTerm Hits of each query term.
 * @returns Combined hits, best first.
 */
export function combineAll(perTerm: readonly Map<number, SearchHit>[]): SearchHit[] {
  if (perTerm.length === 0) return [];
  const ordered = [...perTerm].sort((a, b) => a.size - b.size);
  const combined: SearchHit[] = [];
  for (const first of (ordered[0] as Map<number, SearchHit>).values()) {
    let score = first.score;
    const terms = [...first.terms];
    let everywhere = true;
    for (let i = 1; i < ordered.length && everywhere; i++) {
      const other = (ordered[i] as Map<number, SearchHit>).get(first.id);
      if (!other) everywhere = false;
      else {
        score += other.score;
        for (const matched of other.terms) if (!terms.includes(matched)) terms.push(matched);
      }
    }
    if (everywhere) combined.push({ id: first.id, score, terms });
  }
  return combined.sort((a, b) => b.score - a.score || a.id - b.id);
}

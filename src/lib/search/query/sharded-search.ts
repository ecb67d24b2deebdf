/**
 * Query a sharded index: each query term is scored (score-term.ts, MiniSearch's
 * rules) over the shards that can hold its matches (its prefix range, plus the
 * shards of its typo matches found in the vocabulary), and the per-term
 * results are combined with AND as MiniSearch combines them in one index
 * (scores add up). Shards are fetched on demand and kept in a
 * least-recently-used cache bounded in size, so memory stays flat however
 * long a reader searches.
 */
import { editDistanceWithin } from '../format/bounded-edit-distance.ts';
import { selectRange, selectShards, selectVocabulary, shardFile, shardOf, vocabularyFile, type SearchManifest } from '../format/manifest.ts';
import { FUZZY_HEAD_LENGTH } from '../format/options.ts';
import { scoreTerm, type TermHits } from './score-term.ts';
import { readShard, type ReadShard } from '../format/shard-format.ts';
import { readHeadline, type FirstPage, type Headline, type StoredHeadline } from '../format/headlines.ts';
import { findFuzzyCandidates } from '../format/vocabulary.ts';
import { createLru } from './lru.ts';

/** One matching story. */
export interface SearchHit {
  /** Document id: the story's position in the index. */
  id: number;
  /** Relevance; higher first. */
  score: number;
  /** Index words the query matched (folded; prefix and typo matches included), for highlighting. */
  terms: string[];
}

/** The answer to a search: how many stories match, and the best of them. */
export interface SearchResults {
  /** Stories matching every term. */
  total: number;
  /** The best `limit` of them, best first (ties by id). */
  hits: SearchHit[];
}

/** Where the index files come from and how much to keep. */
export interface ShardedSearchOptions {
  manifest: SearchManifest;
  /** Fetch a shard file by name. */
  fetchShard: (file: string) => Promise<string>;
  /** Fetch a vocabulary chunk by name. */
  fetchVocabulary: (file: string) => Promise<string>;
  /** Drop least recently used shards once the loaded shard files pass this many characters. */
  maxLoadedChars?: number;
}

/** A search over a sharded index. */
export interface ShardedSearch {
  /**
   * Stories matching every term: the count and the best of them.
   *
   * @param terms Folded query terms (`parseQuery(q).terms`).
   * @param limit How many of the best to return (all when left out).
   */
  search(terms: readonly string[], limit?: number): Promise<SearchResults>;
  /**
   * A correction for a term nothing matches: the nearest indexed word within
   * two edits that shares its first letters (ties: the word more stories hold).
   *
   * @param term A folded query term.
   */
  suggest(term: string): Promise<string | undefined>;
  /**
   * The first page of a one-word query for an indexed term, when the term's
   * shard carries it (`first-pages.ts`): it needs that shard alone, not
   * the vocabulary or the shards of the term's typo matches. The page is the
   * one `search([term], n)` gives.
   *
   * @param term A folded query term.
   */
  firstPage(term: string): Promise<FirstPage | undefined>;
  /**
   * Start fetching what `search([term])` reads first, the term's own shards
   * and its vocabulary chunks, without searching: a caller that shows the
   * term's first page before searching keeps that first round trip.
   *
   * @param term A folded query term.
   */
  prefetchTerm(term: string): void;
  /**
   * A story's slug and headline, when a shard fetched for a search carried them.
   *
   * @param id Document id.
   */
  headline(id: number): Headline | undefined;
  /** File names of the shards in memory (most recently used last). */
  loadedShards(): string[];
}

/** Vocabulary chunks kept in memory. */
const MAX_VOCABULARY_CHUNKS = 96;
/** Headlines kept from the shards fetched (a shard carries a few dozen). */
const MAX_HEADLINES = 5_000;
/** First pages kept from the shards fetched. */
const MAX_FIRST_PAGES = 5_000;
/** Per-term results kept, counted in hits: typing a second word does not redo the first. */
const MAX_CACHED_HITS = 200_000;

/**
 * Create a search over a sharded index.
 *
 * @param options The manifest, fetchers and the cache size.
 */
export function createShardedSearch(options: ShardedSearchOptions): ShardedSearch {
  const { manifest } = options;
  const accumulator = new Float64Array(manifest.documentCount);
  // Shards weigh their characters once loaded; a search trims the cache sparing the shards it used.
  const shards = createLru<number, Promise<ReadShard>>(options.maxLoadedChars ?? 6_000_000);
  const chunks = createLru<number, Promise<string[]>>(MAX_VOCABULARY_CHUNKS);
  const headlines = createLru<number, StoredHeadline>(MAX_HEADLINES);
  const firstPages = createLru<string, FirstPage>(MAX_FIRST_PAGES);
  const carried = {
    headline: (stored: StoredHeadline) => headlines.set(stored[0], stored),
    firstPage: (term: string, page: FirstPage) => firstPages.set(term, page),
  };
  // Results do not depend on which shards happen to be in memory, so a term's
  // hits can be reused after its shards are evicted.
  const cached = createLru<string, Promise<{ hits: TermHits; used: number[] }>>(MAX_CACHED_HITS);

  function searchTermCached(term: string) {
    let found = cached.get(term);
    if (!found) {
      const searching = searchTerm(term);
      cached.set(term, (found = searching), 0);
      searching.then(
        ({ hits }) => cached.weigh(term, hits.ids.length),
        () => cached.delete(term),
      );
    }
    return found;
  }

  function load(shard: number): Promise<ReadShard> {
    let loading = shards.get(shard);
    if (!loading) {
      const fetching = options.fetchShard(shardFile(manifest, shard)).then((json) => {
        shards.weigh(shard, json.length);
        return readShard(json, manifest.scale, carried);
      });
      fetching.catch(() => shards.delete(shard));
      shards.set(shard, (loading = fetching), 0);
    }
    return loading;
  }

  function loadChunk(chunk: number): Promise<string[]> {
    let loading = chunks.get(chunk);
    if (!loading) {
      const fetching = options.fetchVocabulary(vocabularyFile(manifest, chunk)).then((json) => JSON.parse(json) as string[]);
      fetching.catch(() => chunks.delete(chunk));
      chunks.set(chunk, (loading = fetching));
    }
    return loading;
  }

  // What a search for a term reads first, all fetched at once: its own shards (its typo matches
  // usually live there too) and its vocabulary chunks.
  function startTerm(term: string): { own: number[]; vocabulary: Promise<string[][]> } {
    const own = selectShards(manifest.shards, term);
    for (const shard of own) load(shard).catch(() => undefined);
    return { own, vocabulary: Promise.all(selectVocabulary(manifest.vocabulary, term).map(loadChunk)) };
  }

  // Exact and prefix matches, plus the shards of every typo match.
  async function shardsFor(term: string): Promise<number[]> {
    const { own, vocabulary } = startTerm(term);
    const needed = new Set(own);
    for (const word of findFuzzyCandidates((await vocabulary).flat(), term)) needed.add(shardOf(manifest.shards, word));
    return [...needed].sort((a, b) => a - b);
  }

  async function searchTerm(term: string): Promise<{ hits: TermHits; used: number[] }> {
    const used = manifest.shards.length === 0 ? [] : await shardsFor(term);
    const loaded = (await Promise.all(used.map(load))).map((shard) => shard.terms());
    return { hits: scoreTerm(loaded, term, manifest.documentCount, accumulator), used };
  }

  // The commonest of the indexed words nearest a term (within two edits) that start with one of `heads`.
  async function nearestWord(term: string, heads: readonly string[]): Promise<string | undefined> {
    const ranges = new Set(heads.flatMap((head) => selectRange(manifest.vocabulary, head)));
    const vocabulary = await Promise.all([...ranges].map(loadChunk));
    const nearest: { word: string; distance: number }[] = [];
    const within = editDistanceWithin(term, 2);
    for (const word of vocabulary.flat()) {
      if (word === term || !heads.some((head) => word.startsWith(head))) continue;
      const distance = within(word);
      if (distance <= 2) nearest.push({ word, distance });
    }
    const best = Math.min(...nearest.map((candidate) => candidate.distance));
    const tied = [...new Set(nearest.filter((candidate) => candidate.distance === best).map((candidate) => candidate.word))].sort();
    // Count the stories of the nearest words in their own shards.
    const counts = await Promise.all(
      tied.slice(0, 8).map(async (word) => {
        const data = (await load(shardOf(manifest.shards, word))).terms().get(word) ?? [];
        return new Set(data.flatMap((postings) => (postings ? [...postings.ids] : []))).size;
      }),
    );
    let pick: string | undefined;
    counts.forEach((count, i) => {
      if (count > 0 && (pick === undefined || count > (counts[tied.indexOf(pick)] as number))) pick = tied[i];
    });
    return pick;
  }

  return {
    async search(terms, limit = Infinity) {
      if (terms.length === 0) return { total: 0, hits: [] };
      const perTerm = await Promise.all(terms.map(searchTermCached));
      shards.trim(new Set(perTerm.flatMap((term) => term.used)));
      return combineAll(
        perTerm.map((term) => term.hits),
        manifest.documentCount,
        limit,
      );
    },
    async suggest(term) {
      if (manifest.vocabulary.length === 0) return undefined;
      // Words sharing the first letters first; failing those, the words the first letters may have been
      // meant as: swapped ("ehzbollah"), or with a stray letter typed first or second.
      return (await nearestWord(term, [term.slice(0, FUZZY_HEAD_LENGTH)])) ?? nearestWord(term, headTypos(term));
    },
    prefetchTerm(term) {
      if (manifest.shards.length > 0) startTerm(term).vocabulary.catch(() => undefined);
    },
    async firstPage(term) {
      if (manifest.shards.length === 0) return undefined;
      await load(shardOf(manifest.shards, term));
      return firstPages.get(term);
    },
    headline(id) {
      const stored = headlines.get(id);
      return stored && readHeadline(stored);
    },
    loadedShards() {
      return shards.keys().map((shard) => shardFile(manifest, shard));
    },
  };
}

/**
 * AND of per-term results: stories every term matched, scores summed. Only
 * the best `limit` are sorted (a common word matches most of 100k stories,
 * and sorting them all would cost a keystroke tens of milliseconds).
 *
 * @param perTerm Hits of each query term.
 * @param documentCount Stories in the index (ids are below it).
 * @param limit How many of the best to return.
 * @returns The number of matches and the best, by score then id, each listing every matched index word.
 */
export function combineAll(perTerm: readonly TermHits[], documentCount: number, limit = Infinity): SearchResults {
  if (perTerm.length === 0) return { total: 0, hits: [] };
  const terms = [...new Set(perTerm.flatMap((hits) => hits.terms))];
  let smallest = perTerm[0] as TermHits;
  for (const hits of perTerm) if (hits.ids.length < smallest.ids.length) smallest = hits;
  // Candidates: the smallest list's stories; with more terms, only those every term matched.
  let ids: Int32Array = smallest.ids;
  let scores: Float64Array = smallest.scores;
  if (perTerm.length > 1) {
    const total = new Float64Array(documentCount);
    const count = new Uint8Array(documentCount);
    for (const hits of perTerm) {
      for (let i = 0; i < hits.ids.length; i++) {
        total[hits.ids[i]!]! += hits.scores[i]!;
        count[hits.ids[i]!]! += 1;
      }
    }
    ids = smallest.ids.filter((id) => count[id] === perTerm.length);
    scores = Float64Array.from(ids, (id) => total[id]!);
  }
  const better = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && ids[a]! < ids[b]!);
  // Positions into ids/scores of the best `limit`, best first.
  let top: number[];
  if (limit >= ids.length || limit > 500) {
    top = Array.from(ids.keys()).sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
    top.length = Math.min(top.length, limit);
  } else {
    // Most candidates fall below the last kept, so this stays linear: tens of thousands at 100k stories.
    top = [];
    let floorScore = -Infinity;
    let floorId = -1;
    for (let i = 0; i < ids.length; i++) {
      const score = scores[i]!;
      if (top.length >= limit && (score < floorScore || (score === floorScore && ids[i]! > floorId))) continue;
      let at = top.length;
      while (at > 0 && better(i, top[at - 1]!)) at--;
      top.splice(at, 0, i);
      if (top.length > limit) top.pop();
      const last = top[top.length - 1]!;
      [floorScore, floorId] = [scores[last]!, ids[last]!];
    }
  }
  return { total: ids.length, hits: top.map((i) => ({ id: ids[i]!, score: scores[i]!, terms })) };
}

/**
 * First letters a word may have been meant to start with when its own first
 * two are a typo that the vocabulary ranges can still reach: the two swapped,
 * or either of them an extra letter. (A wrong or missing letter would need a
 * range per letter of the alphabet: DESIGN.md.)
 *
 * @param term A folded query term.
 * @returns Heads other than the term's own, without repeats.
 */
export function headTypos(term: string): string[] {
  if (term.length < FUZZY_HEAD_LENGTH + 1) return [];
  const own = term.slice(0, FUZZY_HEAD_LENGTH);
  const heads = [term[1]! + term[0]!, term.slice(1, 3), term[0]! + term[2]!];
  return [...new Set(heads)].filter((head) => head !== own);
}

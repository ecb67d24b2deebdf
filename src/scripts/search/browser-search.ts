/**
 * The search as the browser runs it: the manifest, shards and per-story
 * records fetched on demand from the files the build wrote, then the pure
 * core (parse, sharded AND search, phrase check, suggestions). Whole story
 * texts are fetched only to check an exact phrase.
 */
import { foldWord } from '../../lib/search/format/fold.ts';
import { parseQuery, type ParsedQuery } from '../../lib/search/query/parse-query.ts';
import { locateTokens } from '../../lib/search/format/tokenize.ts';
import { matchesPhrases } from '../../lib/search/query/phrase.ts';
import { toStoryRecord as toRecordOf } from '../../lib/search/format/story-record.ts';
import { createShardedSearch, type SearchHit, type ShardedSearch } from '../../lib/search/query/sharded-search.ts';
import type { SearchManifest } from '../../lib/search/format/manifest.ts';
import { PACKED_EXTENSION, unpackText } from '../../lib/search/format/packed-file.ts';
import type { StoryRecord, StoryText } from '../../lib/search/format/story-record.ts';
import { createLru, type Lru } from '../../lib/search/query/lru.ts';

/** Phrase queries check at most this many candidate stories' text. */
const MAX_PHRASE_CHECKS = 200;
/**
 * Results shown before their records only when at least this many lead the
 * list (or all, when fewer): a phone's screen of them, and as many as the
 * benchmark waits for on Pagefind's page.
 */
const FIRST_SCREEN = 5;
/** Story records, and whole texts, kept in memory. */
const MAX_RECORDS = 400;
const MAX_TEXTS = 200;

/** A result ready to show. */
export interface ShownResult {
  id: number;
  /** The story's record: only its slug and headline while `headlineOnly`. */
  record: StoryRecord;
  /** Shown from the headline a shard carried, before the record arrived (`SearchAnswer#complete`). */
  headlineOnly?: true;
  /** Its whole text, when a phrase query fetched it (the snippet then comes from the body). */
  text?: StoryText;
  /** Matched index terms, for highlighting. */
  terms: string[];
}

/** The answer to a query. */
export interface SearchAnswer {
  /** The query as parsed. */
  query: ParsedQuery;
  /** Stories matching. */
  total: number;
  /** False when a phrase query stopped checking candidates: `total` is then a lower bound. */
  exact: boolean;
  /** The first results, records loaded. */
  results: ShownResult[];
  /** A corrected query when nothing matched and a word looks misspelt. */
  suggestion?: string;
  /** When words match alone but not together: each word with its own count. */
  alone?: { word: string; count: number }[];
  /** With a filter: a mask over document ids of every result, for the filters' counts. */
  matches?: Uint8Array;
  /**
   * When the leading results' headlines came with the shards: those show at
   * once (`headlineOnly`), and this gives the whole answer, every record
   * fetched (once, however often called). For a one-word query shown from
   * its word's first page, the first call starts the rest of the search
   * (typo matches and their shards), whose answer may list more results. A
   * cold search page calls it after painting the links: the typo matching
   * and ten fetches are 10–20 ms of the thread that paints them.
   */
  complete?: () => Promise<SearchAnswer>;
  /** Ids of the page of results after these (not for a phrase query): `BrowserSearch#prefetch` fetches their records. */
  following?: number[];
}

/** Search filters applied to a query (see `search-filters.ts`). */
export interface SearchFilter {
  /** Mask over document ids: 1 for stories the chosen filters allow. */
  allowed: Uint8Array;
  /** Order of stories browsed without a query: higher first (ties by id). */
  rank: (id: number) => number;
}

/** Search over the index at a base URL. */
export interface BrowserSearch {
  /**
   * Answer a query.
   *
   * @param text The query as typed.
   * @param limit How many results to load records for.
   * @param filter Keep only the stories it allows; with no query words, browse them.
   */
  run(text: string, limit: number, filter?: SearchFilter): Promise<SearchAnswer>;
  /** Start fetching the manifest, so the first query waits one round trip less. */
  warm(): void;
  /**
   * A story's whole text (for a snippet beyond the record's opening).
   *
   * @param id Document id.
   */
  text(id: number): Promise<StoryText>;
  /**
   * Fetch, in the background, the records of the page of results after an
   * answer's (`SearchAnswer#following`). Called while the reader types: the
   * next letter narrows the query, and its first results are mostly among
   * these two pages, so they show without waiting for their records.
   *
   * @param answer An answer shown.
   */
  prefetch(answer: SearchAnswer): void;
}

/**
 * Create the browser search.
 *
 * @param base URL of the index folder, ending in "/".
 * @param manifest The manifest, when the page carries it (the search page
 *   does, `inlineManifest`): the first query then fetches its shards at once.
 *   Otherwise it is fetched with the first query.
 */
export function createBrowserSearch(base: string, manifest?: SearchManifest): BrowserSearch {
  const engineOf = (loaded: SearchManifest) =>
    createShardedSearch({
      manifest: loaded,
      fetchShard: (name) => fetchText(`${base}shards/${name}`),
      fetchVocabulary: (name) => fetchText(`${base}vocabulary/${name}`),
    });
  let engine: Promise<ShardedSearch> | undefined = manifest && Promise.resolve(engineOf(manifest));
  const records = createLru<number, Promise<StoryRecord>>(MAX_RECORDS);
  // Records already here, so a result shown before is never shown again with less.
  const arrived = createLru<number, StoryRecord>(MAX_RECORDS);
  const texts = createLru<number, Promise<StoryText>>(MAX_TEXTS);

  const getEngine = () => (engine ??= fetchText(`${base}manifest.json`).then((json) => engineOf(JSON.parse(json) as SearchManifest)));

  // A story's record (docs/) or whole text (texts/), fetched once while cached.
  function getFile<T>(cache: Lru<number, Promise<T>>, folder: string, id: number): Promise<T> {
    let file = cache.get(id);
    if (!file) {
      const fetching = fetchText(`${base}${folder}/${id}${PACKED_EXTENSION}`).then((json) => JSON.parse(json) as T);
      fetching.catch(() => cache.delete(id));
      cache.set(id, (file = fetching));
    }
    return file;
  }
  const getRecord = (id: number) =>
    getFile(records, 'docs', id).then((record) => {
      arrived.set(id, record);
      return record;
    });
  const getText = (id: number) => getFile(texts, 'texts', id);

  async function keepPhrases(hits: SearchHit[], query: ParsedQuery, limit: number) {
    const kept: SearchHit[] = [];
    let checked = 0;
    while (checked < hits.length && checked < MAX_PHRASE_CHECKS) {
      const batch = hits.slice(checked, Math.min(checked + 20, MAX_PHRASE_CHECKS));
      const loaded = await Promise.all(batch.map((hit) => getText(hit.id)));
      batch.forEach((hit, i) => {
        const { title, subtitle, captions, body } = loaded[i]!;
        if (matchesPhrases([title, subtitle, captions, body], query.phrases)) kept.push(hit);
      });
      checked += batch.length;
      if (kept.length >= limit && checked >= Math.min(hits.length, 60)) break;
    }
    return { kept, exact: checked >= hits.length };
  }

  // The results that can show now, when some records are still on their way but the shards carried
  // those stories' headlines: the leading ones, at least the first `FIRST_SCREEN` of the `wanted`.
  // Undefined when fewer can show, or when no record is awaited.
  function showFromHeadlines(search: ShardedSearch, shown: SearchHit[], wanted = shown.length): ShownResult[] | undefined {
    let waiting = false;
    const results: ShownResult[] = [];
    for (const hit of shown) {
      const record = arrived.get(hit.id);
      const headline = record ? undefined : search.headline(hit.id);
      if (!record && !headline) break;
      waiting ||= !record;
      if (record) results.push({ id: hit.id, record, terms: hit.terms });
      else results.push({ id: hit.id, record: { ...headline!, subtitle: '', captions: '', lead: '' }, headlineOnly: true, terms: hit.terms });
    }
    return waiting && results.length >= Math.min(FIRST_SCREEN, wanted) ? results : undefined;
  }

  // The answer from every shard the query needs: the search, its phrases checked, the leading
  // results shown from their headlines or their records.
  async function answerFully(search: ShardedSearch, query: ParsedQuery, text: string, limit: number, filter?: SearchFilter): Promise<SearchAnswer> {
    const phrased = query.phrases.length > 0;
    // A filter needs every match, to keep the allowed ones and count the rest. Otherwise two pages:
    // scoring the next costs no more, and `prefetch` fetches its records.
    const found = filter
      ? filterHits(query.terms.length > 0 ? await search.search(query.terms) : undefined, filter)
      : await search.search(query.terms, phrased ? MAX_PHRASE_CHECKS : 2 * limit);
    let { hits, total } = found;
    let exact = true;
    if (phrased) {
      ({ kept: hits, exact } = await keepPhrases(hits, query, limit));
      exact &&= found.total <= MAX_PHRASE_CHECKS;
      total = hits.length;
    }
    const shown = hits.slice(0, limit);
    // A phrase query has the texts already: the snippet can show the phrase wherever it is.
    const load = () =>
      Promise.all(
        shown.map(async (hit): Promise<ShownResult> => {
          if (!phrased) return { id: hit.id, record: await getRecord(hit.id), terms: hit.terms };
          const text = await getText(hit.id);
          return { id: hit.id, record: toRecordOf(text), text, terms: hit.terms };
        }),
      );
    const answer: SearchAnswer = { query, total, exact, results: [] };
    if (filter) answer.matches = maskOf(hits, filter.allowed.length);
    if (!phrased) answer.following = hits.slice(limit, 2 * limit).map((hit) => hit.id);
    const early = phrased ? undefined : showFromHeadlines(search, shown);
    if (early) {
      const without = { ...answer };
      let completing: Promise<SearchAnswer> | undefined;
      answer.results = early;
      answer.complete = () => (completing ??= load().then((results) => ({ ...without, results })));
      return answer;
    }
    answer.results = await load();
    // Under a filter that leaves stories out, nothing found says nothing about the spelling.
    const restricted = filter?.allowed.includes(0) ?? false;
    if (total === 0 && query.terms.length > 0 && !restricted) Object.assign(answer, await explainNothing(search, text, query));
    return answer;
  }

  return {
    warm() {
      getEngine().catch(() => (engine = undefined));
    },
    text: getText,
    prefetch(answer) {
      for (const id of answer.following ?? []) getRecord(id).catch(() => undefined);
    },
    async run(text, limit, filter) {
      const query = parseQuery(text);
      let search: ShardedSearch;
      try {
        search = await getEngine();
      } catch (error) {
        // Retry the manifest on the next query rather than failing for good.
        engine = undefined;
        throw error;
      }
      if (filter || query.phrases.length > 0 || query.terms.length !== 1) return answerFully(search, query, text, limit, filter);
      // A one-word query shows its first page once the word's own shard is here, when the shard
      // carries it. Its search (typo matches, their shards, the records) starts when the page is
      // taken over (`complete`): on a cold page, after the page's frame, which the typo matching
      // would otherwise hold back. Its first files are fetched meanwhile, in the same round trip.
      const [term] = query.terms as [string];
      search.prefetchTerm(term);
      const page = await search.firstPage(term);
      const early =
        page &&
        showFromHeadlines(
          search,
          page.ids.slice(0, limit).map((id) => ({ id, score: 0, terms: [term] })),
          Math.min(limit, page.total),
        );
      if (!page || !early) return answerFully(search, query, text, limit);
      let completing: Promise<SearchAnswer> | undefined;
      return {
        query,
        total: page.total,
        exact: true,
        results: early,
        complete: () => (completing ??= answerFully(search, query, text, limit).then((answer) => answer.complete?.() ?? answer)),
      };
    },
  };
}

// The matches a filter allows; without query words, every allowed story, in the filter's order.
function filterHits(found: { hits: SearchHit[] } | undefined, filter: SearchFilter): { hits: SearchHit[]; total: number } {
  let hits: SearchHit[];
  if (found) hits = found.hits.filter((hit) => filter.allowed[hit.id] === 1);
  else {
    hits = [];
    filter.allowed.forEach((allowed, id) => allowed === 1 && hits.push({ id, score: filter.rank(id), terms: [] }));
    hits.sort((a, b) => b.score - a.score || a.id - b.id);
  }
  return { hits, total: hits.length };
}

function maskOf(hits: readonly SearchHit[], size: number): Uint8Array {
  const mask = new Uint8Array(size);
  for (const hit of hits) mask[hit.id] = 1;
  return mask;
}

// Nothing matched: correct misspelt words, or show how many each word finds alone.
async function explainNothing(search: ShardedSearch, text: string, query: ParsedQuery): Promise<Partial<SearchAnswer>> {
  const counts = await Promise.all(query.terms.map(async (term) => (await search.search([term], 0)).total));
  let suggestion = text;
  let corrected = false;
  for (const [i, term] of query.terms.entries()) {
    if (counts[i] !== 0) continue;
    const better = await search.suggest(term);
    if (!better) continue;
    corrected = true;
    suggestion = replaceWord(suggestion, term, better);
  }
  if (corrected) return { suggestion };
  if (query.terms.length > 1 && counts.some((count) => count > 0)) {
    return { alone: query.terms.map((word, i) => ({ word, count: counts[i]! })).filter((entry) => entry.count > 0) };
  }
  return {};
}

// Replace the typed word whose folded form is `term`, keeping the rest as typed.
function replaceWord(text: string, term: string, replacement: string): string {
  const token = locateTokens(text).find((candidate) => foldWord(candidate.text) === term);
  return token ? text.slice(0, token.start) + replacement + text.slice(token.end) : text;
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`search: cannot fetch ${url}: HTTP ${response.status}`);
  return unpackText(new Uint8Array(await response.arrayBuffer()));
}

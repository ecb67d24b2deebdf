/**
 * The one set of MiniSearch options: the build tokenizes and folds with them,
 * the browser folds queries and scores with their search defaults (prefix,
 * fuzzy, boosts, BM25; see score-term.ts), and the tests check both against a
 * plain MiniSearch built and searched with them. Pure: safe to import from
 * browser code.
 */
import type { Options, SearchOptions } from 'minisearch';
import { foldWord } from './fold.ts';
import { STOPWORDS } from './stopwords.ts';
import { tokenizeText } from './tokenize.ts';

/** The fields of a story that are indexed, in field-id order. */
export const SEARCH_FIELDS = ['title', 'subtitle', 'captions', 'body'] as const;

/** One indexed field. */
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** A story as the index sees it: a numeric id and the text of each field. */
export interface SearchDocument {
  /** Position of the story in the index (stories sorted by slug). */
  id: number;
  /** The headline. */
  title: string;
  /** The standfirst, or "" when there is none. */
  subtitle: string;
  /** Every caption, lead photo and inline, joined by newlines. */
  captions: string;
  /** Body paragraphs and headings, joined by newlines. */
  body: string;
}

/** Query words shorter than this match only whole words: a prefix of one or two letters would fetch a large part of the index. */
export const MIN_PREFIX_LENGTH = 3;
/** Query words this long or longer tolerate typos (one edit, two from 8 letters). */
export const MIN_FUZZY_LENGTH = 5;
/** A typo-tolerant match keeps this many first letters of the query word, so a query needs only the shards of that range. */
export const FUZZY_HEAD_LENGTH = 2;

/**
 * Fold one token for the index or a query; stopwords and empty tokens drop out.
 *
 * @param term A token from `tokenizeText`.
 * @returns The folded term, or null when it is not indexed.
 */
export function processSearchTerm(term: string): string | null {
  const folded = foldWord(term);
  return folded.length === 0 || STOPWORDS.has(folded) ? null : folded;
}

/** BM25 as MiniSearch defaults it; the build folds its length normalization (`b`) into the shards. */
export const BUILD_BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

/** Search behaviour: every word must match, prefixes as you type, typos in longer words, headline above captions above body. */
export const SEARCH_DEFAULTS: SearchOptions = {
  combineWith: 'AND',
  // Shards store length-normalized frequencies (see shard-format.ts), so no normalization at query time.
  bm25: { ...BUILD_BM25, b: 0 },
  prefix: (term: string) => term.length >= MIN_PREFIX_LENGTH,
  fuzzy: (term: string) => (term.length >= MIN_FUZZY_LENGTH ? 0.2 : false),
  maxFuzzy: 2,
  boost: { title: 6, subtitle: 3, captions: 2, body: 1 },
};

/** Options for `new MiniSearch` (the tests' reference index) and the shard builder. */
export const SEARCH_OPTIONS: Options<SearchDocument> = {
  idField: 'id',
  fields: [...SEARCH_FIELDS],
  storeFields: [],
  tokenize: (text: string) => tokenizeText(text),
  processTerm: (term: string) => processSearchTerm(term),
  searchOptions: SEARCH_DEFAULTS,
};

/**
 * Search options for one already-folded query term, for `MiniSearch#search`:
 * the defaults, plus a filter that keeps typo matches to words sharing the
 * term's first letters. This is the rule `scoreTerm` follows; the tests use it
 * to query the reference index.
 *
 * @param term A folded query term.
 * @returns Options to pass to `MiniSearch#search` for this term alone.
 */
export function termSearchOptions(term: string): SearchOptions {
  const fuzzy = term.length >= MIN_FUZZY_LENGTH;
  if (!fuzzy) return SEARCH_DEFAULTS;
  const head = term.slice(0, FUZZY_HEAD_LENGTH);
  return { ...SEARCH_DEFAULTS, boostDocument: (_id, derived) => (derived.startsWith(head) ? 1 : 0) };
}

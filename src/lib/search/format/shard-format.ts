/**
 * The shard file format. A MiniSearch index in `toJSON` form repeats, in
 * every shard, a document-id entry and the field lengths of each story the
 * shard mentions: at 10k stories that is as large as the postings
 * themselves. Shards leave both out:
 *
 * - BM25's length normalization is folded into the stored term frequency at
 *   build time (`tf / (1 - b + b · length / average)`), and the browser
 *   searches with `b = 0`, which gives exactly the BM25 score MiniSearch
 *   computes with `b`, up to the rounding of the stored frequency. Field
 *   lengths are then never read, so the browser fills them with a constant.
 * - Document ids are delta-coded.
 *
 * A shard also carries, for its terms in enough stories, the first page of
 * each one's one-word query and those stories' headlines (`headlines.ts`), so
 * the query's results can show before its records (and its typo matches'
 * shards) arrive.
 *
 * `decodeShard` loads a shard into MiniSearch's radix tree (`SearchableMap`)
 * with typed postings, which `score-term.ts` scores with MiniSearch's formula.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { BUILD_BM25 } from './options.ts';
import type { BuiltIndex, TermPostings } from '../build/build-index.ts';
import type { FirstPage, StoredHeadline } from './headlines.ts';

/** Stored frequencies are multiples of 1/`FREQUENCY_SCALE`. */
export const FREQUENCY_SCALE = 20;

/** A shard file: terms with, per field, gaps between document ids and scaled frequencies. */
export interface ShardFile {
  /** Format version. */
  v: 4;
  /** `[term, [fieldId, idGaps, frequencies], …]` in term order. */
  t: [string, ...[number, number[], number[]][]][];
  /** First pages of one-word queries: `term: [total, id, id, …]`. */
  f: Record<string, number[]>;
  /** Headlines of the stories on those pages, by id. */
  h: StoredHeadline[];
}

/** What a shard carries beside postings, for the browser to keep. */
export interface CarriedByShard {
  /** Receives each headline, as stored: most are never shown, so their slugs are read (`readHeadline`) only when they are. */
  headline?: (stored: StoredHeadline) => void;
  /** Receives each one-word query's first page. */
  firstPage?: (term: string, page: FirstPage) => void;
}

/**
 * Encode the postings of a run of terms.
 *
 * @param index The built index (for field lengths and averages).
 * @param terms The shard's terms, in order.
 * @param scale Frequency scale (tests raise it to compare scores exactly).
 * @param headlines Headlines the shard carries (`storeHeadline`), by id.
 * @param firstPages First pages of its terms' one-word queries (`firstPagesOf`).
 * @returns The shard's JSON.
 */
export function encodeShard(
  index: BuiltIndex,
  terms: readonly string[],
  scale = FREQUENCY_SCALE,
  headlines: StoredHeadline[] = [],
  firstPages: ReadonlyMap<string, FirstPage> = new Map(),
): string {
  const { b } = BUILD_BM25;
  const file: ShardFile = { v: 4, t: [], f: {}, h: headlines };
  for (const term of terms) {
    const entry: ShardFile['t'][number] = [term];
    (index.terms.get(term) as TermPostings).forEach((list, fieldId) => {
      if (!list) return;
      const gaps: number[] = [];
      const frequencies: number[] = [];
      const average = index.averageFieldLength[fieldId] || 1;
      let previous = 0;
      for (let i = 0; i < list.length; i += 2) {
        const id = list[i]!;
        const length = index.fieldLength[id]?.[fieldId] ?? 0;
        const normalized = list[i + 1]! / (1 - b + (b * length) / average);
        gaps.push(id - previous);
        frequencies.push(Math.max(1, Math.round(normalized * scale)));
        previous = id;
      }
      entry.push([fieldId, gaps, frequencies]);
    });
    file.t.push(entry);
    const page = firstPages.get(term);
    if (page) file.f[term] = [page.total, ...page.ids];
  }
  return JSON.stringify(file);
}

/** Postings of a term in one field, decoded. */
export interface FieldPostings {
  /** Document ids, ascending. */
  ids: Int32Array;
  /** Length-normalized term frequencies, one per id. */
  frequencies: Float32Array;
}

/** A term's postings by field id (undefined where the term is absent). */
export type TermData = (FieldPostings | undefined)[];

/** A decoded shard: MiniSearch's radix tree (prefix and typo lookups) over typed postings. */
export type LoadedShard = SearchableMap<TermData>;

/** A shard file as read: what it carries handed over, its terms decoded when first asked for. */
export interface ReadShard {
  /** The shard's terms (decoded on the first call). */
  terms(): LoadedShard;
}

/**
 * Read a shard file: hand over the first pages and headlines it carries at
 * once, and decode its postings into MiniSearch's `SearchableMap` of typed
 * postings (compact in memory, a few bytes a posting, and fast to score) only
 * when a search reads them. A word's first page shows from what the shard
 * carries; its postings wait for the search that follows, after the page's
 * frame (DESIGN.md, "Headlines in shards").
 *
 * @param json The shard file's text.
 * @param scale The scale the shard was written with (`SearchManifest#scale`).
 * @param carried Receives the first pages and headlines the shard carries.
 * @throws Error when the file is of another format version.
 */
export function readShard(json: string, scale = FREQUENCY_SCALE, carried: CarriedByShard = {}): ReadShard {
  const file = JSON.parse(json) as ShardFile;
  if (file.v !== 4) throw new Error(`search: cannot read shard format ${String(file.v)}, expected 4; rebuild the site`);
  if (carried.headline) for (const stored of file.h) carried.headline(stored);
  if (carried.firstPage) for (const [term, [total, ...ids]] of Object.entries(file.f)) carried.firstPage(term, { total: total!, ids });
  let postings: ShardFile['t'] | undefined = file.t;
  let terms: LoadedShard | undefined;
  return {
    terms() {
      if (!terms) {
        terms = decodeTerms(postings!, scale);
        postings = undefined;
      }
      return terms;
    },
  };
}

/**
 * Decode a shard file at once (`readShard`, then its terms).
 *
 * @param json The shard file's text.
 * @param scale The scale the shard was written with (`SearchManifest#scale`).
 * @param carried Receives the first pages and headlines the shard carries.
 * @returns The shard's terms.
 * @throws Error when the file is of another format version.
 */
export function decodeShard(json: string, scale = FREQUENCY_SCALE, carried: CarriedByShard = {}): LoadedShard {
  return readShard(json, scale, carried).terms();
}

function decodeTerms(postings: ShardFile['t'], scale: number): LoadedShard {
  const shard: LoadedShard = new SearchableMap();
  for (const [term, ...fields] of postings) {
    const data: TermData = [];
    for (const [fieldId, gaps, stored] of fields as [number, number[], number[]][]) {
      // Plain loops: this runs once, cold, on the way to a query's results.
      const ids = new Int32Array(gaps.length);
      const frequencies = new Float32Array(gaps.length);
      for (let i = 0, id = 0; i < gaps.length; i++) {
        ids[i] = id += gaps[i]!;
        frequencies[i] = stored[i]! / scale;
      }
      data[fieldId] = { ids, frequencies };
    }
    shard.set(term, data);
  }
  return shard;
}

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
 * `decodeShard` rebuilds the MiniSearch `toJSON` object for `MiniSearch.loadJS`.
 */
import type { AsPlainObject } from 'minisearch';
import { BUILD_BM25, SEARCH_FIELDS } from './options.ts';
import type { BuiltIndex, TermPostings } from './build-index.ts';

/** Stored frequencies are multiples of 1/`FREQUENCY_SCALE`. */
export const FREQUENCY_SCALE = 20;

/** A shard file: terms with, per field, gaps between document ids and scaled frequencies. */
export interface ShardFile {
  /** Format version. */
  v: 2;
  /** `[term, [fieldId, idGaps, frequencies], …]` in term order. */
  t: [string, ...[number, number[], number[]][]][];
}

const FIELD_IDS = Object.fromEntries(SEARCH_FIELDS.map((field, id) => [field, id]));
const NO_LENGTHS = SEARCH_FIELDS.map(() => 1);

/**
 * Encode the postings of a run of terms.
 *
 * @param index The built index (for field lengths and averages).
 * @param terms The shard's terms, in order.
 * @param scale Frequency scale (tests raise it to compare scores exactly).
 * @returns The shard's JSON.
 */
export function encodeShard(index: BuiltIndex, terms: readonly string[], scale = FREQUENCY_SCALE): string {
  const { b } = BUILD_BM25;
  const file: ShardFile = { v: 2, t: [] };
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
  }
  return JSON.stringify(file);
}

/**
 * Rebuild a shard as a MiniSearch index in `toJSON` form.
 *
 * @param json The shard file's text.
 * @param documentCount Stories in the whole archive (`SearchManifest#documentCount`).
 * @param scale The scale the shard was written with.
 * @returns Input for `MiniSearch.loadJS` with `SEARCH_OPTIONS`.
 */
export function decodeShard(json: string, documentCount: number, scale = FREQUENCY_SCALE): AsPlainObject {
  const file = JSON.parse(json) as ShardFile;
  if (file.v !== 2) throw new Error(`search: cannot read shard format ${String(file.v)}, expected 2; rebuild the site`);
  const documentIds: Record<number, number> = {};
  const fieldLength: Record<number, number[]> = {};
  const index: AsPlainObject['index'] = file.t.map(([term, ...fields]) => {
    const data: Record<string, Record<string, number>> = {};
    for (const [fieldId, gaps, frequencies] of fields as [number, number[], number[]][]) {
      const postings: Record<string, number> = {};
      let id = 0;
      gaps.forEach((gap, i) => {
        id += gap;
        postings[id] = frequencies[i]! / scale;
        if (documentIds[id] === undefined) {
          documentIds[id] = id;
          fieldLength[id] = NO_LENGTHS;
        }
      });
      data[fieldId] = postings;
    }
    return [term, data];
  });
  return {
    documentCount,
    nextId: documentCount,
    documentIds,
    fieldIds: FIELD_IDS,
    fieldLength,
    averageFieldLength: NO_LENGTHS,
    storedFields: {},
    dirtCount: 0,
    index,
    serializationVersion: 2,
  };
}

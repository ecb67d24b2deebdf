/**
 * Cut an index into term-range shards. Terms are sorted; each shard holds a
 * contiguous run of terms, so an exact word lives in one shard and all words
 * with a given prefix live in a contiguous run of shards. Every shard is a
 * complete MiniSearch index (`toJSON` format) of its terms, carrying the
 * global document count and average field lengths so scores equal those of
 * one whole index.
 */
import type { AsPlainObject } from 'minisearch';
import { SEARCH_FIELDS } from './options.ts';
import type { BuiltIndex, TermPostings } from './build-index.ts';

/** One shard: its first term and its MiniSearch JSON. */
export interface Shard {
  /** The smallest term in the shard; the manifest lists these to route queries. */
  first: string;
  /** `MiniSearch.loadJSON` input. */
  json: string;
}

/** Options for `shardIndex`. */
export interface ShardOptions {
  /** A shard is closed once its JSON would pass this many characters (a lone term may exceed it). */
  targetChars: number;
}

const FIELD_IDS = Object.fromEntries(SEARCH_FIELDS.map((field, id) => [field, id]));

/**
 * Split an index into shards of about `targetChars` each.
 *
 * @param index The built index.
 * @param options Shard size.
 * @returns Shards in term order.
 */
export function shardIndex(index: BuiltIndex, options: ShardOptions): Shard[] {
  const terms = [...index.terms.keys()].sort(compareTerms);
  const shards: Shard[] = [];
  let run: string[] = [];
  let docs = new Set<number>();
  let size = 0;
  for (const term of terms) {
    const postings = index.terms.get(term) as TermPostings;
    const cost = estimateTerm(term, postings, docs);
    if (run.length > 0 && size + cost > options.targetChars) {
      shards.push(writeShard(index, run, docs));
      run = [];
      docs = new Set();
      size = 0;
    }
    size += estimateTerm(term, postings, docs);
    run.push(term);
    for (const list of postings) for (let i = 0; i < (list?.length ?? 0); i += 2) docs.add(list![i]!);
  }
  if (run.length > 0 || shards.length === 0) shards.push(writeShard(index, run, docs));
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

// Characters a term adds to a shard: its postings, plus a document-table
// entry for each document the shard does not reference yet.
function estimateTerm(term: string, postings: TermPostings, docs: Set<number>): number {
  let size = term.length + 8;
  for (const list of postings) {
    if (!list) continue;
    size += 6;
    for (let i = 0; i < list.length; i += 2) {
      const id = list[i]!;
      const digits = id < 10 ? 1 : Math.floor(Math.log10(id)) + 1;
      size += digits + 5;
      if (!docs.has(id)) size += 3 * digits + 24;
    }
  }
  return size;
}

function writeShard(index: BuiltIndex, run: string[], docs: Set<number>): Shard {
  const ids = [...docs].sort((a, b) => a - b);
  const plain: AsPlainObject = {
    documentCount: index.documentCount,
    nextId: index.documentCount,
    documentIds: Object.fromEntries(ids.map((id) => [id, id])),
    fieldIds: FIELD_IDS,
    fieldLength: Object.fromEntries(ids.map((id) => [id, index.fieldLength[id] ?? []])),
    storedFields: {},
    dirtCount: 0,
    index: run.map((term) => [term, toFieldData(index.terms.get(term) as TermPostings)]),
    serializationVersion: 2,
    averageFieldLength: index.averageFieldLength,
  };
  return { first: run[0] ?? '', json: JSON.stringify(plain) };
}

function toFieldData(postings: TermPostings): Record<string, Record<string, number>> {
  const data: Record<string, Record<string, number>> = {};
  postings.forEach((list, fieldId) => {
    if (!list) return;
    const frequencies: Record<string, number> = {};
    for (let i = 0; i < list.length; i += 2) frequencies[list[i]!] = list[i + 1]!;
    data[fieldId] = frequencies;
  });
  return data;
}

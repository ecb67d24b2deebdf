/**
 * Build the inverted index of an archive with the exact arithmetic of
 * `MiniSearch#add` (same tokenizer, term processing, field lengths and running
 * average), but stored as flat arrays so 100k stories fit in memory and can be
 * cut into shards without ever serializing one giant index.
 */
import { SEARCH_FIELDS, SEARCH_OPTIONS, type SearchDocument } from '../format/options.ts';

/** Postings of one term: for each field id, a flat list `[docId, termFrequency, docId, termFrequency, …]` in docId order. */
export type TermPostings = (number[] | undefined)[];

/** An archive's inverted index, ready to shard. */
export interface BuiltIndex {
  /** Number of stories indexed; document ids run from 0 to this minus one. */
  documentCount: number;
  /** MiniSearch's average field lengths (unique tokens per field), by field id. */
  averageFieldLength: number[];
  /** Unique tokens per field of each story, by document id then field id. */
  fieldLength: number[][];
  /** Every indexed term with its postings. */
  terms: Map<string, TermPostings>;
}

const tokenize = SEARCH_OPTIONS.tokenize as (text: string, field?: string) => string[];
const processSearchTerm = SEARCH_OPTIONS.processTerm as (term: string, field?: string) => string | null;

// Folding is the builder's hottest path (NFKD and five replacements per token)
// and news prose repeats its words: remember each token's folded form
// (processing does not depend on the field).
const MAX_MEMO = 1_000_000;
const memo = new Map<string, string | null>();
function processTerm(token: string, field: string): string | null {
  let term = memo.get(token);
  if (term === undefined) {
    if (memo.size >= MAX_MEMO) memo.clear();
    term = processSearchTerm(token, field);
    memo.set(token, term);
  }
  return term;
}

/**
 * Index stories. Documents must come with ids 0, 1, 2… in order: an id is a
 * story's position, which the shards delta-code and the browser uses as an
 * index into its score arrays and as the name of the story's record.
 *
 * @param documents The stories, `documents[i].id === i`.
 * @returns The inverted index with field statistics.
 * @throws Error when an id is out of sequence.
 */
export function buildSearchIndex(documents: Iterable<SearchDocument>): BuiltIndex {
  const index: BuiltIndex = { documentCount: 0, averageFieldLength: [], fieldLength: [], terms: new Map() };
  for (const document of documents) addDocument(index, document);
  return index;
}

/**
 * Add one story to an index being built.
 *
 * @param index The index so far.
 * @param document The next story; its id must equal `index.documentCount`.
 * @throws Error when the id is out of sequence.
 */
export function addDocument(index: BuiltIndex, document: SearchDocument): void {
  const id = document.id;
  if (id !== index.documentCount) {
    throw new Error(`search index: document id ${id} is out of sequence, expected ${index.documentCount}`);
  }
  const count = index.documentCount;
  index.documentCount += 1;
  const lengths: number[] = [];
  index.fieldLength.push(lengths);
  SEARCH_FIELDS.forEach((field, fieldId) => {
    const tokens = tokenize(document[field], field);
    const length = new Set(tokens).size;
    lengths[fieldId] = length;
    const average = index.averageFieldLength[fieldId] ?? 0;
    index.averageFieldLength[fieldId] = (average * count + length) / (count + 1);
    const frequencies = new Map<string, number>();
    for (const token of tokens) {
      const term = processTerm(token, field);
      if (term) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
    }
    for (const [term, frequency] of frequencies) {
      let postings = index.terms.get(term);
      if (!postings) index.terms.set(term, (postings = []));
      const list = postings[fieldId] ?? (postings[fieldId] = []);
      list.push(id, frequency);
    }
  });
}

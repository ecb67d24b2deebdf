/**
 * Related stories from the index's own inverted lists: each story keeps its
 * most distinctive headline and body words (tf-idf), and a candidate scores
 * the idf of every such word it shares, doubled when the word is in the
 * candidate's headline too. Words in more than `maxShare` of stories are
 * skipped, which bounds the work per story and makes 100k stories take
 * seconds. Ties break by id, so the lists are the same on every build.
 */
import type { BuiltIndex } from './build-index.ts';
import { SEARCH_FIELDS } from '../format/options.ts';

const TITLE = SEARCH_FIELDS.indexOf('title');
const BODY = SEARCH_FIELDS.indexOf('body');

/** Tuning of `findRelatedStories`. */
export interface RelatedOptions {
  /** Most related stories listed per story. */
  limit: number;
  /** Distinctive words kept per story. */
  keyTerms: number;
  /** Skip words held by more than this share of stories (and by more than `minCap` stories). */
  maxShare: number;
  /** Never cap a word held by this many stories or fewer: small archives have no common words yet. */
  minCap: number;
  /** A story is listed only when it shares at least this many key words. */
  minShared: number;
}

/** Defaults: up to five stories sharing at least two distinctive words. */
export const RELATED_DEFAULTS: RelatedOptions = { limit: 5, keyTerms: 24, maxShare: 0.02, minCap: 50, minShared: 2 };

/**
 * For each story, the ids of its related stories, best first.
 *
 * @param index The built index.
 * @param options Tuning; defaults to `RELATED_DEFAULTS`.
 * @returns One list per document id.
 */
export function findRelatedStories(index: BuiltIndex, options: RelatedOptions = RELATED_DEFAULTS): number[][] {
  const { documentCount } = index;
  const cap = Math.max(options.minCap, Math.floor(documentCount * options.maxShare));
  // Usable words, numbered in sorted order for a deterministic result.
  const words: { docs: Int32Array; inTitle: Uint8Array; idf: number }[] = [];
  const keys: { word: number; weight: number }[][] = Array.from({ length: documentCount }, () => []);
  for (const term of [...index.terms.keys()].sort()) {
    const postings = index.terms.get(term)!;
    const frequencies = new Map<number, number>();
    const titled = new Set<number>();
    for (const fieldId of [TITLE, BODY]) {
      const list = postings[fieldId];
      for (let i = 0; list && i < list.length; i += 2) {
        const doc = list[i]!;
        frequencies.set(doc, (frequencies.get(doc) ?? 0) + list[i + 1]! * (fieldId === TITLE ? 3 : 1));
        if (fieldId === TITLE) titled.add(doc);
      }
    }
    if (frequencies.size < 2 || frequencies.size > cap) continue;
    const idf = Math.log(documentCount / frequencies.size);
    const docs = Int32Array.from([...frequencies.keys()].sort((a, b) => a - b));
    const word = words.push({ docs, inTitle: Uint8Array.from(docs, (doc) => (titled.has(doc) ? 1 : 0)), idf }) - 1;
    for (const [doc, frequency] of frequencies) {
      const list = keys[doc]!;
      list.push({ word, weight: (1 + Math.log(frequency)) * idf });
      if (list.length >= options.keyTerms * 4) keepBest(list, options.keyTerms);
    }
  }
  const scores = new Float64Array(documentCount);
  const shared = new Uint16Array(documentCount);
  return keys.map((list, doc) => {
    keepBest(list, options.keyTerms);
    const touched: number[] = [];
    for (const { word } of list) {
      const { docs, inTitle, idf } = words[word]!;
      for (let i = 0; i < docs.length; i++) {
        const other = docs[i]!;
        if (other === doc) continue;
        if (shared[other] === 0) touched.push(other);
        shared[other]! += 1;
        scores[other]! += idf * (inTitle[i] ? 2 : 1);
      }
    }
    const related = touched
      .filter((other) => shared[other]! >= options.minShared)
      .sort((a, b) => scores[b]! - scores[a]! || a - b)
      .slice(0, options.limit);
    for (const other of touched) {
      scores[other] = 0;
      shared[other] = 0;
    }
    return related;
  });
}

// Keep the `count` heaviest words (ties by word number), in place.
function keepBest(list: { word: number; weight: number }[], count: number): void {
  list.sort((a, b) => b.weight - a.weight || a.word - b.word);
  list.length = Math.min(list.length, count);
}

/**
 * Everything the browser fetches, from a built index: the manifest, the
 * shards and the vocabulary chunks.
 */
import type { BuiltIndex } from './build-index.ts';
import type { Headline } from '../format/headlines.ts';
import { createManifest, type IndexFile, type SearchManifest } from '../format/manifest.ts';
import { FREQUENCY_SCALE } from '../format/shard-format.ts';
import { compareTerms, shardIndex } from './shard-index.ts';
import { chunkVocabulary, VOCABULARY_CHUNK } from '../format/vocabulary.ts';

/** Sizes of the index files. */
export interface PackOptions {
  /** Shard size in characters of JSON. */
  targetChars: number;
  /** Words per vocabulary chunk. */
  vocabularyChunk?: number;
  /** Frequency scale (tests raise it to compare scores exactly). */
  scale?: number;
  /** Each story's slug and headline by id: shards then carry the first results of their terms' one-word queries. */
  headlines?: readonly Headline[];
  /** How many results per term (`HEADLINES_PER_TERM`; tests lower it). */
  headlinesPerTerm?: number;
}

/**
 * Results a shard carries per term: a first screen of a one-word query's
 * results, as many as the browser needs to show results before their records
 * (`FIRST_SCREEN` in `browser-search.ts`; DESIGN.md, "Headlines in shards").
 */
export const HEADLINES_PER_TERM = 5;
/**
 * How many stories a word must be in for its first results to be carried:
 * one in 250. Rarer words are most of a large archive's vocabulary, and their
 * headlines would take its files past the disk budget (DESIGN.md,
 * "Headlines in shards").
 *
 * @param stories Stories in the archive.
 */
export const fewestStories = (stories: number): number => Math.max(1, Math.ceil(stories / 250));

/** The index files to write or serve. */
export interface PackedIndex {
  /** `manifest.json`. */
  manifest: SearchManifest;
  /** Files of `shards/`. */
  shards: IndexFile[];
  /** Files of `vocabulary/`. */
  vocabulary: IndexFile[];
}

/**
 * Pack a built index into the files the browser fetches.
 *
 * @param index The built index.
 * @param options Shard and chunk sizes.
 * @returns The manifest and the files.
 */
export function packIndex(index: BuiltIndex, options: PackOptions): PackedIndex {
  const scale = options.scale ?? FREQUENCY_SCALE;
  const headlines = options.headlines && {
    stories: options.headlines,
    perTerm: options.headlinesPerTerm ?? HEADLINES_PER_TERM,
    fewest: fewestStories(index.documentCount),
  };
  const shards = shardIndex(index, { targetChars: options.targetChars, scale, ...(headlines && { headlines }) });
  const words = [...index.terms.keys()].sort(compareTerms);
  const chunks = chunkVocabulary(words, options.vocabularyChunk ?? VOCABULARY_CHUNK);
  const { manifest, files, vocabularyFiles } = createManifest(index.documentCount, shards, chunks, scale);
  return { manifest, shards: files, vocabulary: vocabularyFiles };
}

/**
 * Fetchers over packed files in memory, for tests and benchmarks in Node.
 *
 * @param packed The packed index.
 * @param fetched Receives the name of every file fetched (`shards/…`, `vocabulary/…`).
 * @returns `fetchShard` and `fetchVocabulary` for `createShardedSearch`.
 */
export function serveFromMemory(packed: PackedIndex, fetched: string[] = []) {
  const byName = (files: IndexFile[], folder: string) => async (name: string) => {
    fetched.push(`${folder}/${name}`);
    const file = files.find((candidate) => candidate.name === name);
    if (!file) throw new Error(`search: no ${folder} file ${name}`);
    return file.text;
  };
  return { fetchShard: byName(packed.shards, 'shards'), fetchVocabulary: byName(packed.vocabulary, 'vocabulary') };
}

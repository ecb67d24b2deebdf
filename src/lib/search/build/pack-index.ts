/**
 * Everything the browser fetches, from a built index: the manifest, the
 * shards and the vocabulary chunks.
 */
import type { BuiltIndex } from './build-index.ts';
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
}

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
  const shards = shardIndex(index, { targetChars: options.targetChars, scale });
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

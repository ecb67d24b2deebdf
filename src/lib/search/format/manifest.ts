/**
 * The manifest: the one small file a search fetches first. It lists each
 * shard's first term, so a query word is routed to the shards that can hold
 * its matches without fetching any other.
 */
import { FUZZY_HEAD_LENGTH, MIN_FUZZY_LENGTH, MIN_PREFIX_LENGTH } from './options.ts';
import { PACKED_EXTENSION } from './packed-file.ts';
import { FREQUENCY_SCALE } from './shard-format.ts';

/** Format version: bump when shard or document files change shape. */
export const MANIFEST_VERSION = 4;

/** What `manifest.json` holds. */
export interface SearchManifest {
  /** Format version, `MANIFEST_VERSION`. */
  version: number;
  /** Stories in the index. */
  documentCount: number;
  /** First term of each shard, ascending; shard `i` holds terms from `shards[i]` up to `shards[i + 1]`. */
  shards: string[];
  /** The hash every shard's file name carries (`shardFile`): one for all, so the manifest need not list names. */
  shardHash: string;
  /** Stored term frequencies are multiples of 1/this (shard-format.ts). */
  scale: number;
  /**
   * Where each vocabulary chunk starts, ascending (vocabulary.ts): the shortest
   * beginning of its first word that sorts after every word of the chunk before
   * (so "ro" rather than "roa…"). A prefix then finds the chunk its words begin in.
   */
  vocabulary: string[];
  /** The hash every vocabulary chunk's file name carries (`vocabularyFile`). */
  vocabularyHash: string;
}

/**
 * The shards (or vocabulary chunks) a folded query term needs for exact and
 * prefix matches: the one holding the term itself, and, when the term is long
 * enough for prefix search, all holding words that start with it. Typo
 * matches add the shards of their words (`findFuzzyCandidates`).
 *
 * @param firsts First term of each shard, ascending (`SearchManifest#shards`).
 * @param term A folded query term.
 * @returns Shard indexes, ascending.
 */
export function selectShards(firsts: readonly string[], term: string): number[] {
  if (firsts.length === 0) return [];
  if (term.length >= MIN_PREFIX_LENGTH) return shardsWithPrefix(firsts, term);
  return [shardOf(firsts, term)];
}

/**
 * The vocabulary chunks holding every word that shares a query term's first
 * letters: where its typo matches can be.
 *
 * @param firsts First word of each vocabulary chunk, ascending.
 * @param term A folded query term, long enough to tolerate typos.
 * @returns Chunk indexes, ascending.
 */
export function selectVocabulary(firsts: readonly string[], term: string): number[] {
  if (firsts.length === 0 || term.length < MIN_FUZZY_LENGTH) return [];
  return shardsWithPrefix(firsts, term.slice(0, FUZZY_HEAD_LENGTH));
}

/**
 * The shard whose range holds a term.
 *
 * @param firsts First term of each shard, ascending.
 * @param term Any term.
 * @returns The index of the last shard whose first term is at most `term` (0 when none is).
 */
export function shardOf(firsts: readonly string[], term: string): number {
  let low = 0;
  let high = firsts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((firsts[middle] as string) <= term) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * The runs (shards or vocabulary chunks) holding every term that starts with
 * a prefix. Such terms are contiguous in sorted order and sort at or after the
 * prefix: they run from the run holding the prefix through every following
 * run whose first term still starts with it.
 *
 * @param firsts First term of each run, ascending.
 * @param prefix Any prefix.
 * @returns Run indexes, ascending.
 */
export function selectRange(firsts: readonly string[], prefix: string): number[] {
  return shardsWithPrefix(firsts, prefix);
}

function shardsWithPrefix(firsts: readonly string[], prefix: string): number[] {
  const selected = [shardOf(firsts, prefix)];
  for (let i = selected[0]! + 1; i < firsts.length && (firsts[i] as string).startsWith(prefix); i++) selected.push(i);
  return selected;
}

/** A file of the index to write, relative to the shard folder. */
export interface IndexFile {
  name: string;
  text: string;
}

/**
 * A shard's file name below the shard folder: `<i>-<hash>.jz`.
 *
 * @param shard The shard's index.
 */
export function shardFile(manifest: SearchManifest, shard: number): string {
  return `${shard}-${manifest.shardHash}${PACKED_EXTENSION}`;
}

/**
 * A vocabulary chunk's file name below the vocabulary folder.
 *
 * @param chunk The chunk's index.
 */
export function vocabularyFile(manifest: SearchManifest, chunk: number): string {
  return `${chunk}-${manifest.vocabularyHash}${PACKED_EXTENSION}`;
}

/**
 * The manifest and the shard files to write. File names carry a hash of the
 * contents so browsers and CDNs may cache them for good; only the manifest
 * changes name-stable between builds. The hash is of all shards together
 * (likewise of all vocabulary chunks): a name per shard would make most of
 * the manifest's bytes (DESIGN.md), and it is the one file every first
 * query waits for. Any change renames them all, which
 * costs little, as new stories touch the postings of most shards anyway.
 *
 * @param documentCount Stories in the index.
 * @param shards Shards from `shardIndex`, in term order.
 * @param vocabulary The sorted vocabulary in chunks (`chunkVocabulary`).
 * @param scale The frequency scale the shards were written with.
 * @returns The manifest, one file per shard and one per vocabulary chunk.
 */
export function createManifest(
  documentCount: number,
  shards: readonly { first: string; json: string }[],
  vocabulary: readonly string[][],
  scale = FREQUENCY_SCALE,
): { manifest: SearchManifest; files: IndexFile[]; vocabularyFiles: IndexFile[] } {
  const chunks = vocabulary.map((chunk) => JSON.stringify(chunk));
  const manifest: SearchManifest = {
    version: MANIFEST_VERSION,
    documentCount,
    shards: shards.map((shard) => shard.first),
    shardHash: hashTexts(shards.map((shard) => shard.json)),
    scale,
    vocabulary: vocabulary.map((chunk, i) => chunkStart(chunk[0] ?? '', vocabulary[i - 1]?.at(-1))),
    vocabularyHash: hashTexts(chunks),
  };
  const files = shards.map((shard, i) => ({ name: shardFile(manifest, i), text: shard.json }));
  const vocabularyFiles = chunks.map((text, i) => ({ name: vocabularyFile(manifest, i), text }));
  return { manifest, files, vocabularyFiles };
}

// The shortest beginning of a chunk's first word that still sorts after the chunk before it. With
// chunks cut between ranges of first letters, a query's range then starts at its own chunk: the
// first word itself ("roa…") sorts after the prefix "ro", and the chunk before would be read too.
function chunkStart(first: string, previousLast: string | undefined): string {
  if (previousLast === undefined) return first.slice(0, 1);
  for (let length = 1; length < first.length; length++) {
    if (first.slice(0, length) > previousLast) return first.slice(0, length);
  }
  return first;
}

// One hash for many texts: of their own hashes, in order (64 bits: two FNV-1a hashes, each padded to 7 digits).
function hashTexts(texts: readonly string[]): string {
  const each = texts.map(hashText).join(' ');
  return hashText(each).padStart(7, '0') + hashText(`${texts.length} ${each}`).padStart(7, '0');
}

/**
 * A short content hash (FNV-1a, 32 bits, base 36): enough to tell versions of one file apart.
 *
 * @param text Any text.
 * @returns Up to seven base-36 digits.
 */
export function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

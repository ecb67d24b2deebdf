/**
 * The manifest: the one small file a search fetches first. It lists each
 * shard's first term, so a query word is routed to the shards that can hold
 * its matches without fetching any other.
 */
import { FUZZY_HEAD_LENGTH, MIN_FUZZY_LENGTH, MIN_PREFIX_LENGTH } from './options.ts';

/** Format version: bump when shard or document files change shape. */
export const MANIFEST_VERSION = 1;

/** What `manifest.json` holds. */
export interface SearchManifest {
  /** Format version, `MANIFEST_VERSION`. */
  version: number;
  /** Stories in the index. */
  documentCount: number;
  /** First term of each shard, ascending; shard `i` holds terms from `shards[i]` up to `shards[i + 1]`. */
  shards: string[];
  /** File name of each shard below the shard folder (content-hashed, so they cache forever). */
  files: string[];
}

/**
 * The shards a folded query term needs: the one holding the term itself; all
 * holding words that start with it when it is long enough for prefix search;
 * all holding words that share its first letters when it is long enough for
 * typo tolerance.
 *
 * @param firsts First term of each shard, ascending (`SearchManifest#shards`).
 * @param term A folded query term.
 * @returns Shard indexes, ascending.
 */
export function selectShards(firsts: readonly string[], term: string): number[] {
  if (firsts.length === 0) return [];
  if (term.length >= MIN_FUZZY_LENGTH) return shardsWithPrefix(firsts, term.slice(0, FUZZY_HEAD_LENGTH));
  if (term.length >= MIN_PREFIX_LENGTH) return shardsWithPrefix(firsts, term);
  return [shardOf(firsts, term)];
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

// Terms starting with `prefix` are contiguous in sorted order and sort at or
// after `prefix`: they run from the shard holding `prefix` through every
// following shard whose first term still starts with it.
function shardsWithPrefix(firsts: readonly string[], prefix: string): number[] {
  const selected = [shardOf(firsts, prefix)];
  for (let i = selected[0]! + 1; i < firsts.length && (firsts[i] as string).startsWith(prefix); i++) selected.push(i);
  return selected;
}

/** A file of the index to write, relative to the shard folder. */
export interface IndexFile {
  /** File name. */
  name: string;
  /** Contents. */
  text: string;
}

/**
 * The manifest and the shard files to write. Shard names carry a hash of their
 * contents so browsers and CDNs may cache them for good; only the manifest
 * changes name-stable between builds.
 *
 * @param documentCount Stories in the index.
 * @param shards Shards from `shardIndex`, in term order.
 * @returns The manifest and one file per shard.
 */
export function createManifest(documentCount: number, shards: readonly { first: string; json: string }[]): {
  manifest: SearchManifest;
  files: IndexFile[];
} {
  const files = shards.map((shard, i) => ({ name: `${i}-${hashText(shard.json)}.json`, text: shard.json }));
  const manifest: SearchManifest = {
    version: MANIFEST_VERSION,
    documentCount,
    shards: shards.map((shard) => shard.first),
    files: files.map((file) => file.name),
  };
  return { manifest, files };
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

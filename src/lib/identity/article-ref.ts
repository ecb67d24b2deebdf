/**
 * What the ingest remembers of one article between runs: enough to group it
 * into a story and to know whether its entry changed, without reading its dump.
 */

export interface ArticleRef {
  /** Content hash of title and body (a story's id is that of its first version). */
  id: string;
  /** Hash of everything the entry is written from. */
  digest: string;
  /** Default slug (the ingest lengthens its hash only to break a clash). */
  slug: string;
  /** The entry's signature if the story stands in this dump alone, under its default slug. */
  signature: string;
  index: number;
  line: number;
  /** `sketchText` of the body, so the story's identity survives small changes. Kept beside the ingest's manifest, not in it (`scripts/lib/ingest-manifest.ts`). */
  sketch: Uint16Array;
  /** Distinct shingles in the body. */
  shingles: number;
}

/** The headline's words of an article: its default slug without the hash. */
export const titleOf = (ref: ArticleRef) => ref.slug.slice(0, ref.slug.lastIndexOf('-'));

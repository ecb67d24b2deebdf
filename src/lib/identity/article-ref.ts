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

/**
 * Articles as the manifest keeps them, by column. A re-run looks at every
 * article of the archive for its id and headline alone, asks an index which
 * share a band with the articles it read (`touched-stories.ts`), and builds
 * the `ArticleRef`s of the few it plans again.
 */
export interface ArticleColumns {
  ids: TextColumn;
  slugs: readonly string[];
  /** The rows whose sketch has any of these candidate keys (`candidateKeysInto`), each once, in any order. */
  candidateRows(keys: ReadonlySet<number>): Iterable<number>;
  /** The rows whose id is one of these, in any order. */
  rowsWithIds(ids: ReadonlySet<string>): Iterable<number>;
}

/** A column of text values by row: an array, or one read value by value. */
export interface TextColumn {
  readonly length: number;
  at(row: number): string | undefined;
}

/** The articles of one dump, as rows `start` to `start + count` of some columns. */
export interface StoredArticles {
  columns: ArticleColumns;
  start: number;
  count: number;
}

/** A dump's articles: as objects, and as stored rows when it was not read in this run. */
export interface DumpArticles {
  articles: readonly ArticleRef[];
  stored?: StoredArticles;
}

/**
 * Headlines carried in shards, so a result's link can show before its record
 * arrives (DESIGN.md, "Headlines in shards"). A shard carries the first page
 * of its terms' one-word queries, and the headline of each story on them.
 *
 * A story's slug is its headline's words and the start of a hash
 * (`makeSlug`), so a shard stores only the part after the words; a slug that
 * is not made that way (kept through a corrected headline) is stored whole,
 * after a "/", which no slug holds.
 */
import { slugWords } from '../../ingest/slug.ts';

/** What a result's link needs: the story's URL segment and headline. */
export interface Headline {
  slug: string;
  title: string;
}

/**
 * The first results of a one-word query, carried in the shard of the word:
 * the query can show them (from the shard's headlines) before its typo
 * matches' shards, and their records, arrive.
 */
export interface FirstPage {
  /** Stories the query matches. */
  total: number;
  /** The best of them, best first (ties by id). */
  ids: number[];
}

/** A headline as a shard stores it: `[id, title, slug's tail or "/" + slug]`. */
export type StoredHeadline = [number, string, string];

/**
 * Store a story's headline.
 *
 * @param id Document id.
 * @param headline Its slug and headline.
 * @returns The stored form.
 */
export function storeHeadline(id: number, { slug, title }: Headline): StoredHeadline {
  const words = `${slugWords(title) || 'story'}-`;
  return [id, title, slug.startsWith(words) && !slug.includes('/') ? slug.slice(words.length) : `/${slug}`];
}

/**
 * Read a stored headline back.
 *
 * @param stored The stored form.
 * @returns The slug and headline.
 */
export function readHeadline([, title, tail]: StoredHeadline): Headline {
  return { title, slug: tail.startsWith('/') ? tail.slice(1) : `${slugWords(title) || 'story'}-${tail}` };
}

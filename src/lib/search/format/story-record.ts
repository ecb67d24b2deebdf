/**
 * What the search knows of a story: the record shown for a result (and
 * checked for phrases), and the document the index is built from. Both come
 * from the entry file the site renders, so search and pages never disagree.
 */
import type { TextBlock } from '../../entry-text.ts';
import type { SearchDocument } from './options.ts';

/** The per-story file fetched for a displayed result: `docs/<id>.json`. */
export interface StoryRecord {
  /** URL segment of the story page. */
  slug: string;
  /** The headline. */
  title: string;
  /** The standfirst, or "" when there is none. */
  subtitle: string;
  /** Every caption with its credit, one per line. */
  captions: string;
  /** Body paragraphs and headings, one per line (inline captions are in `captions`). */
  body: string;
}

/** The parts of an entry's frontmatter the search reads. */
export interface RecordSource {
  slug: string;
  title: string;
  subtitle?: string | undefined;
  captions: readonly { text: string; credit?: string | undefined }[];
}

/**
 * The search record of an entry.
 *
 * @param entry The entry's frontmatter.
 * @param blocks Its body as text blocks (`readBodyBlocks`).
 * @returns The record.
 */
export function toStoryRecord(entry: RecordSource, blocks: readonly TextBlock[]): StoryRecord {
  return {
    slug: entry.slug,
    title: entry.title,
    subtitle: entry.subtitle ?? '',
    captions: entry.captions.map((caption) => (caption.credit ? `${caption.text} (${caption.credit})` : caption.text)).join('\n'),
    body: blocks.filter((block) => block.type !== 'figure').map((block) => block.text).join('\n'),
  };
}

/**
 * The index document of a record.
 *
 * @param id The story's position in the index.
 * @param record Its record.
 * @returns The document to index.
 */
export function toSearchDocument(id: number, record: StoryRecord): SearchDocument {
  return { id, title: record.title, subtitle: record.subtitle, captions: record.captions, body: record.body };
}

/**
 * What the search knows of a story. Three shapes, all from the entry file the
 * site renders, so search and pages never disagree:
 * - the text (`texts/<id>`): every searchable field whole, fetched only to
 *   check an exact phrase;
 * - the record (`docs/<id>`): what a result shows, a headline and the
 *   opening lines, a sixth of the text's bytes;
 * - the document the index is built from.
 */
import type { TextBlock } from '../../entry-text.ts';
import type { SearchDocument } from './options.ts';

/** A story's searchable text, whole: `texts/<id>`. */
export interface StoryText {
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

/** What a result shows: `docs/<id>`. */
export interface StoryRecord {
  slug: string;
  title: string;
  subtitle: string;
  /** The captions' opening, up to `LEAD_CHARS`: the snippet when only a caption matches. */
  captions: string;
  /** The body's opening, up to `LEAD_CHARS`: the snippet. */
  lead: string;
}

/** Characters of body (and captions) a record keeps: a snippet is at most 220. */
export const LEAD_CHARS = 320;

/** The parts of an entry's frontmatter the search reads. */
export interface RecordSource {
  slug: string;
  title: string;
  subtitle?: string | undefined;
  captions: readonly { text: string; credit?: string | undefined }[];
}

/**
 * The searchable text of an entry.
 *
 * @param entry The entry's frontmatter.
 * @param blocks Its body as text blocks (`readBodyBlocks`).
 */
export function toStoryText(entry: RecordSource, blocks: readonly TextBlock[]): StoryText {
  return {
    slug: entry.slug,
    title: entry.title,
    subtitle: entry.subtitle ?? '',
    captions: entry.captions.map((caption) => (caption.credit ? `${caption.text} (${caption.credit})` : caption.text)).join('\n'),
    body: blocks
      .filter((block) => block.type !== 'figure')
      .map((block) => block.text)
      .join('\n'),
  };
}

/**
 * The record of a story: its text with body and captions cut to their opening.
 *
 * @param text The story's text.
 */
export function toStoryRecord(text: StoryText): StoryRecord {
  return { slug: text.slug, title: text.title, subtitle: text.subtitle, captions: openingOf(text.captions), lead: openingOf(text.body) };
}

// Up to LEAD_CHARS, cut after a whole word.
function openingOf(text: string): string {
  if (text.length <= LEAD_CHARS) return text;
  const cut = text.lastIndexOf(' ', LEAD_CHARS);
  return text.slice(0, cut > LEAD_CHARS / 2 ? cut : LEAD_CHARS);
}

/**
 * The index document of a story.
 *
 * @param id The story's position in the index.
 * @returns The document to index.
 */
export function toSearchDocument(id: number, text: StoryText): SearchDocument {
  return { id, title: text.title, subtitle: text.subtitle, captions: text.captions, body: text.body };
}

/**
 * A story as the site keeps it between builds: the entry's frontmatter
 * without the inline captions (the body holds those), plus what listings need
 * (excerpt, reading time, direction). Bodies stay on disk, so 100k of these
 * fit in the content store.
 */
import { z } from 'astro/zod';
import { CaptionSchema, EntrySchema, type Entry } from '../entry-schema.ts';
import { readBodyBlocks } from '../entry-text.ts';
import { makeExcerpt } from './excerpt.ts';
import { estimateReadingMinutes } from './reading-time.ts';
import { detectDirection, guessScriptLanguage } from './text-direction.ts';

/** The metadata of one story, as stored in the `articles` collection. */
export const StorySchema = EntrySchema.omit({ captions: true }).extend({
  /** Captions of the lead photo, printed in the story's header. */
  leadCaptions: z.array(CaptionSchema),
  /** The opening of the body as plain text, for listings and descriptions. */
  excerpt: z.string(),
  /** Estimated minutes to read the story. */
  readingMinutes: z.number().int().positive(),
  /** Direction of the story's text, from its headline and opening. */
  dir: z.enum(['ltr', 'rtl']),
  /** Language of a story written in a right-to-left script ("ar"); absent for stories in the interface's language. */
  lang: z.string().optional(),
});

/** A story's metadata. */
export type Story = z.output<typeof StorySchema>;

/**
 * Summarize an entry for the content store.
 *
 * @param entry The entry's validated frontmatter.
 * @param body The entry's Markdown body.
 * @returns The story's metadata.
 */
export function summarizeEntry(entry: Entry, body: string): Story {
  const { captions, ...rest } = entry;
  const excerpt = makeExcerpt(readBodyBlocks(body));
  const opening = `${entry.title} ${excerpt}`;
  const dir = detectDirection(opening);
  return {
    ...rest,
    leadCaptions: captions.filter((caption) => caption.lead),
    excerpt,
    readingMinutes: estimateReadingMinutes(entry.wordCount),
    dir,
    ...withLang(dir === 'rtl' ? guessScriptLanguage(opening) : undefined),
  };
}

/** The `lang` field only when there is a guess, so the stored object has no undefined values. */
function withLang(lang: string | undefined): { lang?: string } {
  return lang ? { lang } : {};
}

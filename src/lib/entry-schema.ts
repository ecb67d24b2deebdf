/**
 * The article entry: the one schema that the ingest validates against before it
 * writes a file and that the Astro content collection loads with.
 *
 * Keep `astro:content` out of this file so plain Node (the ingest CLI, Vitest)
 * can import it.
 */
import { z } from 'astro/zod';

/** A photo caption, printed once, with the photographer or agency split off. */
export const CaptionSchema = z.object({
  /** Caption text without the trailing credit, whitespace folded. */
  text: z.string().min(1),
  /** The credit as printed inside the trailing parentheses: "AFP", "Photo by Anwar AMRO / AFP", "X". */
  credit: z.string().min(1).optional(),
  /** True for the lead photo (printed in the article header); inline photos stand in the body. */
  lead: z.boolean().default(false),
});

/** Where in the raw archive an article was read from. */
export const SourceSchema = z.object({
  /** Dump file path, relative to the ingest's input folder, with forward slashes. */
  file: z.string().min(1),
  /** Zero-based position of the article within its dump file. */
  index: z.number().int().nonnegative(),
  /** One-based line of the article's title in the dump file. */
  line: z.number().int().positive(),
});

/** How the text read from one source differs from the one read before it. */
export const VersionSchema = z.object({
  /** The source's dump file, as in `source`. */
  file: z.string().min(1),
  /** The article's position in that dump, as in `source`. */
  index: z.number().int().nonnegative(),
  /** What differed from the previous source's text: "first read", "same text", "2 words changed, 1 paragraph added". */
  change: z.string().min(1),
});

/** An absolute date as precise as the story gives it: a day, a month or a year. */
export const IsoDateSchema = z.string().regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'a date is YYYY-MM-DD, YYYY-MM or YYYY');

/** One absolute date the story mentions. */
export const DateMentionSchema = z.object({
  /** The date, as precise as written ("October 2023" is `2023-10`). */
  date: IsoDateSchema,
  /** The date as written in the story: "October 7", "January 27, 2024". */
  text: z.string().min(1),
  /** The sentence it was mentioned in, whitespace folded (the timeline prints it). */
  sentence: z.string().min(1),
});

/** One direct quote with its attributed speaker. */
export const QuoteSchema = z.object({
  /** The words inside the quotation marks, whitespace folded, without the marks. */
  text: z.string().min(1),
  /** The speaker's canonical full name, or their description ("a union negotiator") where the story names nobody. */
  speaker: z.string().min(1),
});

/**
 * The knowledge fields: left out of an entry's file when empty, so entries of
 * stories with nothing found read as they did before the extractor existed.
 */
export const KNOWLEDGE_LISTS = ['people', 'places', 'organisations', 'dates', 'quotes'] as const;

/** The frontmatter of one entry in `content/articles/<slug>.md`. */
export const EntrySchema = z.object({
  /** The headline, whitespace folded. */
  title: z.string().min(1),
  /** The standfirst printed under the headline, when the dump has one. */
  subtitle: z.string().min(1).optional(),
  /** Every photo caption of the story, once each, in reading order (lead photo first). */
  captions: z.array(CaptionSchema).default([]),
  /** Every dump the story was read from: more than one when the same story was scraped twice. */
  source: z.array(SourceSchema).min(1),
  /** What differed per source, in archive order; only for a story read from more than one source. The entry shows the last. */
  versions: z.array(VersionSchema).optional(),
  /** Permanent URL segment: readable words from the title plus a short hash of the story id. */
  slug: z.string().regex(/^[\p{L}\p{N}\p{M}]+(?:-[\p{L}\p{N}\p{M}]+)*$/u, 'a slug is words of letters or digits joined by "-"'),
  /** The story's stable identity across versions and dumps: the content hash (title and body) of its first version. */
  id: z.string().regex(/^[0-9a-f]{16,64}$/),
  /** Words in the body, headings and inline captions included. */
  wordCount: z.number().int().nonnegative(),
  /** People the story names, canonical full names (titles and possessives stripped), most mentioned first. */
  people: z.array(z.string().min(1)).default([]),
  /** Places the story names (countries, cities, regions), canonical names, most mentioned first. */
  places: z.array(z.string().min(1)).default([]),
  /** Organisations the story names, acronyms resolved to the expansion the story gives, most mentioned first. */
  organisations: z.array(z.string().min(1)).default([]),
  /** Every absolute date the story mentions (captions and body), in reading order. */
  dates: z.array(DateMentionSchema).default([]),
  /** The latest date the story reports as having happened (not a publication date; never a future date). */
  latestDate: IsoDateSchema.optional(),
  /** Direct quotes with an attributed speaker, in reading order. */
  quotes: z.array(QuoteSchema).default([]),
});

/** An entry's frontmatter as written (defaults applied). */
export type Entry = z.output<typeof EntrySchema>;
/** A caption as written. */
export type Caption = z.output<typeof CaptionSchema>;
/** One date mention as written. */
export type DateMention = z.output<typeof DateMentionSchema>;
/** One quote as written. */
export type Quote = z.output<typeof QuoteSchema>;
/** One place an entry was read from. */
export type Source = z.output<typeof SourceSchema>;
/** One source's change summary. */
export type Version = z.output<typeof VersionSchema>;

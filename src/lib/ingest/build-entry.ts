/**
 * From a parsed article to what the ingest writes: the entry's frontmatter and
 * its body tree.
 */
import { hash } from 'node:crypto';
import type { Root } from 'mdast';
import { EntrySchema, type Entry, type Source, type Version } from '../entry-schema.ts';
import type { ParsedArticle } from './types.ts';
import type { Knowledge } from '../knowledge/extract-knowledge.ts';
import { printedCaption } from './captions.ts';
import { makeSlug } from './slug.ts';
import { countWords } from './text.ts';
import { toMdast } from './to-mdast.ts';

/**
 * The story's identity: a hash of its title and body text, so the same story
 * scraped into two dumps is recognised as one.
 *
 * @param article A parsed article.
 * @returns 16 hex digits.
 */
export function contentId(article: ParsedArticle): string {
  // One string hashed at once: an update per block costs twice as much.
  let text = article.title;
  for (const block of article.blocks) text += `\n${block.type === 'figure' ? printedCaption(block.caption) : block.text}`;
  return hash('sha256', text).slice(0, 16);
}

/** Everything needed to write one entry. */
export interface BuiltEntry {
  entry: Entry;
  body: Root;
}

/** What `buildEntry` takes when the caller knows it already. */
export interface EntryFacts {
  /** Its content hash (`contentId`). */
  id?: string;
  /** Its slug, when the caller had to lengthen it to break a clash. */
  slug?: string;
  /** What differed per source, for a story read from more than one. */
  versions?: Version[];
  /** Its people, places, organisations, dates and quotes, when extracted. */
  knowledge?: Knowledge;
  /** How many words a reader counts in its paragraphs and headings (`sketchText` counts them as it goes). */
  textWords?: number;
}

/**
 * How many words a reader counts in an article: its paragraphs', headings'
 * and inline photo captions'.
 *
 * @param textWords Those of its paragraphs and headings, when counted already.
 */
export function articleWordCount(article: ParsedArticle, textWords?: number): number {
  let words = textWords ?? 0;
  for (const block of article.blocks) {
    if (block.type === 'figure') words += countWords(block.caption.text);
    else if (textWords === undefined) words += countWords(block.text);
  }
  return words;
}

/**
 * Build and validate the entry of an article.
 *
 * @param article The parsed article.
 * @param sources Every place the story was read from (at least one).
 * @returns The entry, checked against the schema, and its body tree.
 */
export function buildEntry(article: ParsedArticle, sources: Source[], facts: EntryFacts = {}): BuiltEntry {
  const { id = contentId(article), slug = makeSlug(article.title, id), versions, knowledge } = facts;
  const inline = article.blocks.flatMap((block) => (block.type === 'figure' ? [block.caption] : []));
  const words = articleWordCount(article, facts.textWords);
  const entry = EntrySchema.parse({
    title: article.title,
    subtitle: article.subtitle,
    captions: [...article.captions, ...inline],
    source: sources,
    versions,
    slug,
    id,
    wordCount: words,
    ...knowledge,
  });
  return { entry, body: toMdast(article.blocks) };
}

/**
 * What the identity step keeps of a parsed article: its headline's slug words
 * and the sketch of its body, and the text `describeChange` compares.
 */
import { printedCaption } from '../ingest/captions.ts';
import { slugWords } from '../ingest/slug.ts';
import type { ParsedArticle } from '../ingest/types.ts';
import type { VersionText } from './describe-change.ts';
import { sketchText, type TextSketch } from './sketch.ts';

/** The identity features of an article, as stored between runs. */
export interface ArticleIdentity extends TextSketch {
  /** The headline's slug words. */
  title: string;
}

/**
 * @param article A parsed article.
 * @returns Its headline words and the sketch of its paragraphs and headings (captions left out).
 */
export function identifyArticle(article: ParsedArticle): ArticleIdentity {
  return { title: slugWords(article.title), ...sketchArticle(article) };
}

/** The sketch of an article's paragraphs and headings (captions left out): what the ingest keeps, its slug holding the headline's words. */
export function sketchArticle(article: ParsedArticle): TextSketch {
  const paragraphs: string[] = [];
  for (const block of article.blocks) if (block.type !== 'figure') paragraphs.push(block.text);
  return sketchText(paragraphs);
}

/** An article's text for `describeChange`. */
export function versionText(article: ParsedArticle): VersionText {
  const captions = article.captions.map(printedCaption);
  const paragraphs: string[] = [];
  for (const block of article.blocks) {
    if (block.type === 'figure') captions.push(printedCaption(block.caption));
    else paragraphs.push(block.text);
  }
  return { title: article.title, subtitle: article.subtitle, captions, paragraphs };
}

/**
 * A fingerprint of everything an entry is written from, so the ingest can tell
 * an unchanged story from one whose subtitle or caption was corrected.
 */
import { hash } from 'node:crypto';
import { printedCaption } from './captions.ts';
import type { ParsedArticle } from './types.ts';

/**
 * @param article A parsed article.
 * @param id Its content id (`contentId`), which already covers title and body.
 * @returns 16 hex digits that change whenever anything written from the article would.
 */
export function articleDigest(article: ParsedArticle, id: string): string {
  let text = `${id}\n${article.subtitle ?? ''}`;
  for (const caption of article.captions) text += `\n${printedCaption(caption)}`;
  // Which blocks are headings and figures is not in the id's text.
  for (const block of article.blocks) text += block.type[0] as string;
  return hash('sha256', text).slice(0, 16);
}

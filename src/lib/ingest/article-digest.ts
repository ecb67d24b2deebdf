/**
 * A fingerprint of everything an entry is written from, so the ingest can tell
 * an unchanged story from one whose subtitle or caption was corrected.
 */
import { createHash } from 'node:crypto';
import type { ParsedArticle } from './types.ts';

// Positions in the dump are not content: the sources carry them.
const skipPositions = (key: string, value: unknown) => (key === 'line' || key === 'index' ? undefined : value);

/**
 * @param article A parsed article.
 * @returns 16 hex digits that change whenever anything written from the article would.
 */
export function articleDigest(article: ParsedArticle): string {
  return createHash('sha256').update(JSON.stringify(article, skipPositions)).digest('hex').slice(0, 16);
}

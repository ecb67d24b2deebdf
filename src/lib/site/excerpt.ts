/**
 * The short excerpt shown under a headline in listings and used as the page
 * description: the opening paragraphs, cut at a word.
 */
import type { TextBlock } from '../entry-text.ts';

/** Characters an excerpt may hold before it is cut. */
export const EXCERPT_LENGTH = 220;

/**
 * Build an excerpt from the body's first paragraphs.
 *
 * @param blocks The body as plain-text blocks (`readBodyBlocks`).
 * @param maxLength Most characters to keep, the ellipsis included.
 * @returns Plain text; empty when the body has no paragraph.
 */
export function makeExcerpt(blocks: readonly TextBlock[], maxLength = EXCERPT_LENGTH): string {
  let text = '';
  for (const block of blocks) {
    if (block.type !== 'paragraph') continue;
    text = text ? `${text} ${block.text}` : block.text;
    if (text.length >= maxLength) break;
  }
  return truncateAtWord(text.replace(/\s+/g, ' ').trim(), maxLength);
}

/**
 * Cut text at the last word boundary that fits, adding an ellipsis when cut.
 *
 * @param text Plain text.
 * @param maxLength Most characters to keep, the ellipsis included.
 * @returns The text itself when it fits.
 */
export function truncateAtWord(text: string, maxLength: number): string {
  // UTF-16 length bounds the character count: most texts are decided without splitting them.
  if (text.length <= maxLength) return text;
  const chars = Array.from(text.slice(0, maxLength * 2 + 1));
  if (chars.length <= maxLength) return text;
  const head = chars.slice(0, maxLength - 1).join('');
  const space = head.lastIndexOf(' ');
  const cut = space > maxLength / 2 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:.\-–—]+$/u, '')}…`;
}

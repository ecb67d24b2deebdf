/**
 * What the parser reads out of a dump, before it becomes an entry.
 */
import type { Caption } from '../entry-schema.ts';

/** One block of an article body, in reading order. */
export type Block =
  | { type: 'paragraph'; text: string; line: number }
  | { type: 'heading'; text: string; line: number }
  | { type: 'figure'; caption: Caption; line: number };

/** One article as printed in a dump, with the page chrome and repeats removed. */
export interface ParsedArticle {
  /** The headline. */
  title: string;
  /** The standfirst, when printed. */
  subtitle?: string;
  /** The header's photo captions, once each (inline ones are figures in `blocks`). */
  captions: Caption[];
  /** The body. */
  blocks: Block[];
  /** Zero-based position of the article in its dump. */
  index: number;
  /** One-based line of the title. */
  line: number;
}

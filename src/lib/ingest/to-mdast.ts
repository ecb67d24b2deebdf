/**
 * The body of an entry as an mdast tree, for remark to serialize.
 */
import type { Blockquote, Paragraph, Root, RootContent } from 'mdast';
import type { Caption } from '../entry-schema.ts';
import type { Block } from './types.ts';

/**
 * Build the body tree: paragraphs, `##` section headings and one figure per inline photo.
 *
 * @param blocks The article body as parsed.
 * @returns An mdast root; text stays text, however much it looks like Markdown or HTML.
 */
export function toMdast(blocks: readonly Block[]): Root {
  return { type: 'root', children: blocks.map(toNode) };
}

function toNode(block: Block): RootContent {
  switch (block.type) {
    case 'heading':
      return { type: 'heading', depth: 2, children: [{ type: 'text', value: block.text }] };
    case 'paragraph':
      return paragraph(block.text);
    case 'figure':
      return toFigure(block.caption);
  }
}

function paragraph(text: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value: text }] };
}

/**
 * Markdown has no figure, so an inline photo is a block quote: its caption, then
 * its credit as a second paragraph. remark escapes every `>` that would open a
 * quote in story text, so only the ingest writes one, and the site's Markdown
 * pipeline (`src/lib/site/markdown/`) turns each into a `<figure>`. The entry
 * holds no HTML at all.
 */
function toFigure(caption: Caption): Blockquote {
  const children = [paragraph(caption.text)];
  if (caption.credit) children.push(paragraph(caption.credit));
  return { type: 'blockquote', children };
}

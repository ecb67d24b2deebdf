/**
 * The body of an entry as an mdast tree, for remark to serialize.
 */
import type { Html, Root, RootContent } from 'mdast';
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
      return { type: 'paragraph', children: [{ type: 'text', value: block.text }] };
    case 'figure':
      return toFigure(block.caption);
  }
}

/**
 * Markdown has no figure, so an inline photo's caption is a one-line HTML block
 * with every character of the caption escaped.
 */
function toFigure(caption: Caption): Html {
  const credit = caption.credit ? ` <span class="credit">(${escapeHtml(caption.credit)})</span>` : '';
  return {
    type: 'html',
    value: `<figure class="inline-photo"><figcaption>${escapeHtml(caption.text)}${credit}</figcaption></figure>`,
  };
}

/**
 * Escape text for HTML content or a quoted attribute.
 *
 * @param text Any text.
 * @returns The text with `&`, `<`, `>` and `"` as character references.
 */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

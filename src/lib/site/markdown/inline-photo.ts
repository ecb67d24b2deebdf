/**
 * Inline photos: the block quotes the ingest writes for them become figures.
 */
import type { Element, ElementContent } from 'hast';
import type { HastPluginDefinition } from 'satteri';

/**
 * Turn each block quote (`> caption`, then `> credit` when credited; see
 * `src/lib/ingest/to-mdast.ts`) into
 * `<figure class="inline-photo"><figcaption>caption <span class="credit">(credit)</span></figcaption></figure>`.
 * Only the text of its paragraphs is kept, so nothing inside can become markup.
 */
export const inlinePhotos: HastPluginDefinition = {
  name: 'clippings-inline-photos',
  element: {
    filter: ['blockquote'],
    visit(node, ctx) {
      const [caption = '', ...credits] = node.children.filter((child): child is Element => child.type === 'element').map((child) => ctx.textContent(child));
      const children: ElementContent[] = [{ type: 'text', value: caption }];
      if (credits.length > 0) {
        children.push({ type: 'text', value: ' ' }, element('span', ['credit'], [{ type: 'text', value: `(${credits.join(' ')})` }]));
      }
      return element('figure', ['inline-photo'], [element('figcaption', [], children)]);
    },
  },
};

function element(tagName: string, className: string[], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties: className.length > 0 ? { className } : {}, children };
}

/**
 * Anchor links beside the section headings of a story body.
 */
import type { HastPluginDefinition } from 'satteri';

/**
 * Wrap each section heading that has an id with a link to itself, the
 * accessible pattern Starlight uses: the link sits after the heading, its
 * visible text is a "#" hidden from assistive technology, and its label names
 * the section. Runs after Astro's heading-ids plugin, which sets the ids.
 */
export const headingAnchors: HastPluginDefinition = {
  name: 'clippings-heading-anchors',
  element: {
    filter: ['h2'],
    visit(node, ctx) {
      const id = node.properties?.id;
      if (typeof id !== 'string' || id === '') return;
      return {
        type: 'element',
        tagName: 'div',
        properties: { className: ['heading-wrapper', `level-${node.tagName}`] },
        children: [
          node,
          {
            type: 'element',
            tagName: 'a',
            properties: { className: ['heading-anchor'], href: `#${id}`, ariaLabel: `Link to the section “${ctx.textContent(node)}”` },
            children: [{ type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '#' }] }],
          },
        ],
      };
    },
  },
};

/**
 * The last step of the story-body pipeline: an allow-list over the final tree.
 */
import type { Root } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';
import type { HastPluginDefinition } from 'satteri';

/**
 * Exactly what the pipeline builds: paragraphs, section headings with their
 * anchor links, inline photo figures. Any other element is replaced by its
 * text, any other attribute dropped, comments dropped, and a link keeps its
 * `href` only when it is a fragment (`#…`, never `javascript:`). Ids are not prefixed
 * (`clobber`): they are slugs of the section headings and the fragments of
 * the anchor links, and the site's scripts read no global a slug could shadow.
 */
export const STORY_BODY_SCHEMA: Schema = {
  tagNames: ['p', 'h2', 'div', 'a', 'span', 'figure', 'figcaption'],
  attributes: {
    h2: ['id'],
    div: [['className', 'heading-wrapper', 'level-h2']],
    a: [['className', 'heading-anchor'], ['href', /^#/], 'ariaLabel'],
    span: [['className', 'credit'], ['ariaHidden', 'true']],
    figure: [['className', 'inline-photo']],
  },
  protocols: {},
  clobber: [],
  ancestors: {},
  required: {},
  strip: ['script', 'style'],
  allowComments: false,
  allowDoctypes: false,
};

/**
 * Defence in depth: the plugins before this one already build nothing else,
 * and story text reaches the tree only as text nodes.
 */
export const sanitizeBody: HastPluginDefinition = {
  name: 'clippings-sanitize-body',
  after(root, ctx) {
    ctx.replaceNode(root, sanitize(root, STORY_BODY_SCHEMA) as Root);
  },
};

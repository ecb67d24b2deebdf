/**
 * The last step of the story-body pipeline: an allow-list over the final tree,
 * in the manner of rehype-sanitize.
 */
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import type { HastPluginDefinition } from 'satteri';

/** For each allowed element, its allowed properties and a test of each value. */
type Schema = Record<string, Record<string, (value: Properties[string]) => boolean>>;

const isString = (value: Properties[string]): boolean => typeof value === 'string';
const isClassList =
  (...names: string[]) =>
  (value: Properties[string]): boolean =>
    Array.isArray(value) && value.every((name) => names.includes(String(name)));

/**
 * Exactly what the pipeline builds: paragraphs, section headings with their
 * anchor links, inline photo figures. A link keeps its `href` only when it is
 * a fragment (`#…`, never `javascript:`).
 */
export const STORY_BODY_SCHEMA: Schema = {
  p: {},
  h2: { id: isString },
  div: { className: isClassList('heading-wrapper', 'level-h2') },
  a: { className: isClassList('heading-anchor'), href: (value) => typeof value === 'string' && value.startsWith('#'), ariaLabel: isString },
  span: { className: isClassList('credit'), ariaHidden: (value) => value === 'true' },
  figure: { className: isClassList('inline-photo') },
  figcaption: {},
};

/** Whether an element and its properties are allowed, with no look at its children. */
function isAllowedElement(node: Element, schema: Schema): boolean {
  const allowed = schema[node.tagName];
  if (!allowed) return false;
  for (const [key, value] of Object.entries(node.properties ?? {})) {
    if (value !== undefined && !allowed[key]?.(value)) return false;
  }
  return true;
}

/**
 * A copy of a tree with only what a schema allows: any other element is
 * replaced by its content, any other property dropped; text is kept, every
 * other node (comments, raw HTML, doctypes) dropped.
 */
export function sanitizeTree(root: Root, schema: Schema): Root {
  return { type: 'root', children: root.children.flatMap((child) => sanitizeNode(child, schema)) };
}

function sanitizeNode(node: RootContent, schema: Schema): ElementContent[] {
  if (node.type === 'text') return [{ type: 'text', value: node.value }];
  if (node.type !== 'element') return [];
  const children = node.children.flatMap((child) => sanitizeNode(child, schema));
  const allowed = schema[node.tagName];
  if (!allowed) return children;
  const properties: Properties = {};
  for (const [key, value] of Object.entries(node.properties ?? {})) {
    if (value !== undefined && allowed[key]?.(value)) properties[key] = value;
  }
  return [{ type: 'element', tagName: node.tagName, properties, children } satisfies Element];
}

/**
 * Defence in depth: the plugins before this one already build nothing else,
 * and story text reaches the tree only as text nodes. Each element is checked
 * where it stands (a visitor costs next to nothing; reading the whole tree
 * into JavaScript in an `after` hook cost more than the rest of the render),
 * and one that is not allowed is replaced by the sanitized copy of its
 * content. Its descendants' own visits are then skipped, as the copy is
 * already clean.
 */
export const sanitizeBody: HastPluginDefinition = {
  name: 'clippings-sanitize-body',
  element: {
    filter: [],
    visit(node, ctx) {
      if (isAllowedElement(node, STORY_BODY_SCHEMA)) return;
      for (let parent = ctx.parent(node); parent?.type === 'element'; parent = ctx.parent(parent)) {
        if (!isAllowedElement(parent, STORY_BODY_SCHEMA)) return;
      }
      ctx.replaceNode(node, sanitizeNode(node, STORY_BODY_SCHEMA));
    },
  },
  raw: (node) => ({ type: 'text', value: node.value }),
  comment: (node, ctx) => ctx.removeNode(node),
  doctype: (node, ctx) => ctx.removeNode(node),
};

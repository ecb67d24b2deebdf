/**
 * One entry file: YAML frontmatter and the body, serialized by remark.
 */
import type { Heading, Paragraph, Root } from 'mdast';
import { defaultHandlers, type Options, type Unsafe } from 'mdast-util-to-markdown';
import remarkFrontmatter from 'remark-frontmatter';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { KNOWLEDGE_LISTS, type Entry } from '../entry-schema.ts';
import { frontmatterYaml } from './frontmatter-yaml.ts';

// One line of text that remark would write as it is, in a paragraph or a
// heading of its own: it starts with a letter or other non-ASCII-punctuation
// (nothing that opens a block), ends with no white space (which remark writes
// as a character reference), and holds no line end and none of the characters
// that open Markdown constructs or references inside a line (`!` only matters
// before `[`, `(` only after `]`, `#` only at a heading's edges).
// `serialize-entry.test.ts` checks this against remark's own handlers.
const PLAIN_LINE = /^[^!-/:-@[-`{-~0-9\s](?:[^&*<[\]\\_`#\r\n]*[^&*<[\]\\_`#\s])?$/;

// Block types of an entry (none of them phrasing content).
const BLOCKS = new Set(['yaml', 'paragraph', 'heading', 'blockquote']);

/** The text of a paragraph or heading that holds one plain line, else undefined. */
function plainLine(node: Paragraph | Heading): string | undefined {
  const only = node.children.length === 1 ? node.children[0] : undefined;
  return only?.type === 'text' && PLAIN_LINE.test(only.value) ? only.value : undefined;
}

/**
 * remark's handlers, with shortcuts for what an entry is made of, taken only
 * where remark's own handler writes the same (property tests check this);
 * anything else goes to remark's handlers. A paragraph or heading of one plain
 * line, nearly all of an archive's (DESIGN.md), is written as it is: remark's text handler runs
 * about forty escape patterns over it, and its phrasing machinery (trackers,
 * attention runs, edge encoding) costs more than the text itself.
 */
export const fastHandlers: Options['handlers'] = {
  // remark tests each child of the root against sixteen phrasing types before
  // joining them as blocks; the blocks the ingest builds are never phrasing.
  root: (node, parent, state, info) =>
    (node as Root).children.every((child) => BLOCKS.has(child.type)) ? state.containerFlow(node, info) : defaultHandlers.root(node, parent, state, info),
  paragraph: (node, parent, state, info) => plainLine(node) ?? defaultHandlers.paragraph(node, parent, state, info),
  heading: (node, parent, state, info) => {
    const line = node.depth === 2 ? plainLine(node) : undefined;
    return line === undefined ? defaultHandlers.heading(node, parent, state, info) : `## ${line}`;
  },
};

/**
 * Escapes remark leaves out. remark escapes a `<` only before what opens raw
 * HTML or a URI autolink (`!`, `/`, `?`, a letter), but an email autolink can
 * start with any character of an address's local part: `<#@0>` or `<0@a>`
 * would read back as a link. So a `<` before any such character is escaped
 * too (the same phrasing scope as remark's own rule for `<`).
 */
export const extraUnsafe: Unsafe[] = [
  {
    character: '<',
    after: "[\\w.!#$%&'*+/=?^`{|}~-]",
    inConstruct: 'phrasing',
    notInConstruct: ['autolink', 'destinationLiteral', 'destinationRaw', 'reference', 'titleQuote', 'titleApostrophe'],
  },
];

// Frozen once: each entry is one `stringify` call, with no parse and no transform.
const processor = unified()
  .use(remarkFrontmatter)
  .use(remarkStringify, { handlers: fastHandlers, unsafe: extraUnsafe, bullet: '-', emphasis: '_', rule: '-' })
  .freeze();

/** The entry with its empty knowledge lists left out (the schema reads them back as empty). */
function withoutEmptyLists(entry: Entry): Entry | Omit<Entry, (typeof KNOWLEDGE_LISTS)[number]> {
  if (KNOWLEDGE_LISTS.every((key) => entry[key].length > 0)) return entry;
  const kept: Record<string, unknown> = { ...entry };
  for (const key of KNOWLEDGE_LISTS) if (entry[key].length === 0) kept[key] = undefined;
  return kept as Omit<Entry, (typeof KNOWLEDGE_LISTS)[number]>;
}

/**
 * Serialize an entry as Markdown with YAML frontmatter.
 *
 * @param entry The validated frontmatter.
 * @param body The body tree from `toMdast`.
 * @returns The file's contents.
 */
export function serializeEntry(entry: Entry, body: Root): string {
  const tree: Root = { type: 'root', children: [{ type: 'yaml', value: frontmatterYaml(withoutEmptyLists(entry)) }, ...body.children] };
  return processor.stringify(tree);
}

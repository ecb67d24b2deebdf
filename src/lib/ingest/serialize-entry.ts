/**
 * One entry file: YAML frontmatter and the body, serialized by remark.
 */
import type { Blockquote, Heading, Paragraph, Root, RootContent } from 'mdast';
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
// `serialize-entry.test.ts` checks this against remark's own handlers. Its
// ends are tested apart: one search for a character class is a third of the
// cost of a regex anchored at both ends, over every line of an archive.
const OPENS_BLOCK = /^[!-/:-@[-`{-~0-9\s]/;
const OPENS_INLINE = /[&*<[\]\\_`#\r\n]/;
const SPACE = /\s/;

function isPlainLine(text: string): boolean {
  return text !== '' && !OPENS_BLOCK.test(text) && !SPACE.test(text[text.length - 1] as string) && !OPENS_INLINE.test(text);
}

// Block types of an entry (none of them phrasing content).
const BLOCKS = new Set(['yaml', 'paragraph', 'heading', 'blockquote']);

// What remark's flow gives each block: it starts after a line end and ends
// before one. Its position (`now`, `lineShift`) only feeds position tracking,
// never what a handler writes.
const BLOCK_INFO = { before: '\n', after: '\n', now: { line: 1, column: 1 }, lineShift: 0 };

/** The text of a paragraph or heading that holds one plain line, else undefined. */
function plainLine(node: Paragraph | Heading): string | undefined {
  const only = node.children.length === 1 ? node.children[0] : undefined;
  return only?.type === 'text' && isPlainLine(only.value) ? only.value : undefined;
}

/** A section heading of one plain line, as remark writes it, else undefined. */
function plainHeading(node: Heading): string | undefined {
  const line = node.depth === 2 ? plainLine(node) : undefined;
  return line === undefined ? undefined : `## ${line}`;
}

/** A block as remark writes it, when it is made of plain lines only, else undefined. */
function plainBlock(node: RootContent): string | undefined {
  switch (node.type) {
    case 'paragraph':
      return plainLine(node);
    case 'heading':
      return plainHeading(node);
    case 'blockquote':
      return plainQuote(node);
    default:
      return undefined;
  }
}

/**
 * An inline photo's block quote of plain paragraphs: remark joins them with a
 * blank line and prefixes each line with `> `, a blank one with `>`.
 */
function plainQuote(node: Blockquote): string | undefined {
  if (node.children.length === 0) return undefined;
  let quote = '';
  for (const child of node.children) {
    const line = child.type === 'paragraph' ? plainLine(child) : undefined;
    if (line === undefined) return undefined;
    quote += quote === '' ? `> ${line}` : `\n>\n> ${line}`;
  }
  return quote;
}

/**
 * remark's handlers, with shortcuts for what an entry is made of, taken only
 * where remark's own handler writes the same (property tests check this);
 * anything else goes to remark's handlers. A paragraph, heading or photo's
 * block quote of plain lines, nearly all of an archive's (DESIGN.md), is
 * written as it is: remark's text handler runs about forty escape patterns
 * over each line, and its flow and phrasing machinery (position trackers,
 * line indenting, attention runs, edge encoding) costs more than the text itself.
 */
export const fastHandlers: Options['handlers'] = {
  // remark tests each child of the root against sixteen phrasing types before
  // joining them as blocks, and tracks positions through each; the blocks the
  // ingest builds are never phrasing, and remark joins any two of them with a
  // blank line.
  root: (node, parent, state, info) => {
    const { children } = node as Root;
    if (!children.every((child) => BLOCKS.has(child.type))) return defaultHandlers.root(node, parent, state, info);
    const blocks: string[] = [];
    state.indexStack.push(-1);
    for (let index = 0; index < children.length; index++) {
      const child = children[index] as RootContent;
      state.indexStack[state.indexStack.length - 1] = index;
      blocks.push(plainBlock(child) ?? state.handle(child, node, state, BLOCK_INFO));
    }
    state.indexStack.pop();
    return blocks.join('\n\n');
  },
  paragraph: (node, parent, state, info) => plainLine(node) ?? defaultHandlers.paragraph(node, parent, state, info),
  heading: (node, parent, state, info) => plainHeading(node) ?? defaultHandlers.heading(node, parent, state, info),
  blockquote: (node, parent, state, info) => plainQuote(node) ?? defaultHandlers.blockquote(node, parent, state, info),
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

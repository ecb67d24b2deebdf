/**
 * One entry file: YAML frontmatter and the body, serialized by remark.
 */
import type { Root, Text } from 'mdast';
import { defaultHandlers, toMarkdown, type Handle, type Options } from 'mdast-util-to-markdown';
import { frontmatterToMarkdown } from 'mdast-util-frontmatter';
import { dump } from 'js-yaml';
import type { Entry } from '../entry-schema.ts';

// Text that no rule of remark's serializer would escape: it starts with a
// letter or other non-ASCII-punctuation, and holds none of the characters that
// open Markdown constructs or references inside a line (`!` only matters before
// `[`, `(` only after `]`, `#` only at a heading's edges). Our text is folded: no
// tabs or line ends. `serialize-entry.test.ts` checks this against remark's own
// handler on generated text.
const PLAIN_TEXT = /^[^!-/:-@[-`{-~0-9][^&*<[\]\\_`#]*$/;

/**
 * remark's text handler, with a shortcut for the plain prose that is 98% of an
 * archive: remark's escaping runs about forty patterns over every text node.
 */
export const fastText: Handle = (node, parent, state, info) =>
  PLAIN_TEXT.test((node as Text).value) ? (node as Text).value : defaultHandlers.text(node as Text, parent, state, info);

const OPTIONS: Options = {
  extensions: [frontmatterToMarkdown(['yaml'])],
  handlers: { text: fastText },
  bullet: '-',
  emphasis: '_',
  rule: '-',
};

/**
 * Serialize an entry as Markdown with YAML frontmatter.
 *
 * @param entry The validated frontmatter.
 * @param body The body tree from `toMdast`.
 * @returns The file's contents.
 */
export function serializeEntry(entry: Entry, body: Root): string {
  // js-yaml, as the site's loader reads it; no line folding, so each value stays on its line.
  const frontmatter = dump(entry, { lineWidth: -1, noRefs: true }).trimEnd();
  const tree: Root = { type: 'root', children: [{ type: 'yaml', value: frontmatter }, ...body.children] };
  return toMarkdown(tree, OPTIONS);
}

/**
 * One entry file: YAML frontmatter and the body, serialized by remark.
 */
import type { Root } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { frontmatterToMarkdown } from 'mdast-util-frontmatter';
import { stringify } from 'yaml';
import type { Entry } from '../entry-schema.ts';

const EXTENSIONS = [frontmatterToMarkdown(['yaml'])];

/**
 * Serialize an entry as Markdown with YAML frontmatter.
 *
 * @param entry The validated frontmatter.
 * @param body The body tree from `toMdast`.
 * @returns The file's contents.
 */
export function serializeEntry(entry: Entry, body: Root): string {
  const yaml = stringify(entry, { lineWidth: 0 }).trimEnd();
  const tree: Root = { type: 'root', children: [{ type: 'yaml', value: yaml }, ...body.children] };
  return toMarkdown(tree, { extensions: EXTENSIONS, bullet: '-', emphasis: '_', rule: '-' });
}

/**
 * Raw HTML in a story body shown as the characters it is made of.
 */
import type { HastPluginDefinition } from 'satteri';

/**
 * Sätteri keeps HTML found in Markdown as verbatim `raw` nodes even with
 * `rawHtml: false`, and writes them out unescaped. The ingest never writes
 * HTML (remark escapes it in story text), so any raw node comes from a
 * hand-edited entry or a renderer quirk: it becomes text.
 */
export const rawAsText: HastPluginDefinition = {
  name: 'clippings-raw-as-text',
  raw: (node) => ({ type: 'text', value: node.value }),
};

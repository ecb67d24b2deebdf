/**
 * The manifest carried by the search page itself, as a JSON data block in its
 * head (`integrations/page-bundle.ts` puts it there once the index is
 * written). The page's script reads it as it starts, so a query in the URL
 * fetches its shards at once instead of first waiting for `manifest.json`
 * (DESIGN.md, "Browser"). Other pages fetch `manifest.json` when their search
 * box is first used.
 */
import type { SearchManifest } from './manifest.ts';

/** The data block's element id. */
export const INLINE_MANIFEST_ID = 'search-manifest';

/**
 * The data block for a page's head. A data block is never run, so the
 * Content-Security-Policy needs no hash for it. The manifest's first terms
 * are words from stories: every `<` is written as `\u003c`, which JSON reads
 * back as the same character, so no text can close the element or open markup.
 *
 * @param json The manifest file's text.
 */
export function inlineManifestBlock(json: string): string {
  return `<script type="application/json" id="${INLINE_MANIFEST_ID}">${json.trim().replaceAll('<', '\\u003c')}</script>`;
}

/**
 * The manifest a page carries, if it carries one.
 *
 * @param page The page's document.
 */
export function readInlineManifest(page: Pick<Document, 'getElementById'>): SearchManifest | undefined {
  const text = page.getElementById(INLINE_MANIFEST_ID)?.textContent;
  return text ? (JSON.parse(text) as SearchManifest) : undefined;
}

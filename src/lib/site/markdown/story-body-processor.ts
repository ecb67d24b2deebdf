/**
 * The one Markdown pipeline that renders story bodies.
 */
import { createSatteriMarkdownProcessor, satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import { headingAnchors } from './heading-anchors.ts';
import { inlinePhotos } from './inline-photo.ts';
import { rawAsText } from './raw-as-text.ts';
import { sanitizeBody } from './sanitize-body.ts';

/**
 * Astro's Markdown processor (Sätteri) with what a quoted archive needs: plain
 * CommonMark, so story text is shown as the dump wrote it (no GFM autolinks or
 * strikethrough, no smart quotes, dashes or ellipses), then the hast plugins in
 * order. Astro appends its own image and heading-id plugins after these; they
 * only touch `<img>` (none survives) and headings without an id (none).
 */
export function createStoryBodyProcessor() {
  return createSatteriMarkdownProcessor({
    syntaxHighlight: false,
    gfm: false,
    smartypants: false,
    features: { rawHtml: false },
    hastPlugins: [rawAsText, inlinePhotos, () => satteriHeadingIdsPlugin(), headingAnchors, sanitizeBody],
  });
}

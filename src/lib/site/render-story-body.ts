/**
 * A story's body as HTML, rendered when its page is built: read from the
 * entry file with Astro's default Markdown processor (Sätteri), so the
 * content store never holds 100k bodies.
 */
import { readFileSync } from 'node:fs';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { splitEntryFile } from '../entry-text.ts';
import { addHeadingAnchors } from './heading-anchors.ts';

/** A section heading of a story, for the table of contents. */
export interface SectionHeading {
  /** The heading's id, the fragment of its anchor link. */
  slug: string;
  /** The heading as the reader sees it. */
  text: string;
}

/** A rendered body. */
export interface RenderedBody {
  /** The body's HTML: text stays text, headings carry ids and anchor links. */
  html: string;
  /** Its section headings in order. */
  headings: SectionHeading[];
}

let renderer: ReturnType<typeof createSatteriMarkdownProcessor> | undefined;

/**
 * Render the body of an entry file.
 *
 * @param file Absolute path of the entry.
 * @returns The HTML and the section headings.
 */
export async function renderStoryBody(file: string): Promise<RenderedBody> {
  // A synchronous read of one small file costs less than fs/promises' open, stat, read and close.
  const { body } = splitEntryFile(readFileSync(file, 'utf8'));
  renderer ??= createSatteriMarkdownProcessor({ syntaxHighlight: false });
  const result = await (await renderer).render(body);
  return {
    html: addHeadingAnchors(result.code),
    headings: result.metadata.headings
      .filter((heading) => heading.depth === 2)
      .map(({ slug, text }) => ({ slug, text })),
  };
}

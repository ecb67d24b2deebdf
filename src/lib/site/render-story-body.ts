/**
 * A story's body as HTML, rendered when its page is built with the story-body
 * pipeline (`markdown/story-body-processor.ts`).
 */
import { splitEntryFile } from '../entry-text.ts';
import { createStoryBodyProcessor } from './markdown/story-body-processor.ts';

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

let processor: ReturnType<typeof createStoryBodyProcessor> | undefined;

/**
 * Render the body of an entry.
 *
 * @param entry An entry file's contents (frontmatter and body), as the ingest wrote it.
 * @returns The HTML and the section headings.
 */
export async function renderStoryBody(entry: string): Promise<RenderedBody> {
  processor ??= createStoryBodyProcessor();
  const result = await (await processor).render(splitEntryFile(entry).body);
  return {
    html: result.code,
    headings: result.metadata.headings.filter((heading) => heading.depth === 2).map(({ slug, text }) => ({ slug, text })),
  };
}

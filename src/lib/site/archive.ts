/**
 * The archive's orders and groupings, built once per build from every
 * story's metadata: the reading order, the A–Z index and the browse-by-source
 * lists. A story page's previous and next come from its index in that order,
 * in the route's `getStaticPaths`.
 */
import type { Story } from './story.ts';
import { compareTitles, fileUnderLetter, INDEX_LETTERS, type IndexLetter } from './title-index.ts';
import { assignSourceKeys } from './source-key.ts';

/** One dump file and the stories read from it. */
export interface SourceGroup {
  /** The dump's path, as the entries record it. */
  file: string;
  /** Its URL segment under /sources/. */
  key: string;
  /** Its stories, in the order the dump holds them. */
  stories: Story[];
}

/** Every listing of the archive. */
export interface Archive {
  /** Every story in archive order: by dump file, then by place in the dump. */
  stories: Story[];
  /** Stories under each letter of the A–Z index, sorted by title; every letter present. */
  letters: Map<IndexLetter, Story[]>;
  /** Dump files in order, each with its stories. */
  sources: SourceGroup[];
  /** Each dump file's URL segment, by path. */
  sourceKeys: Map<string, string>;
}

const FILES = new Intl.Collator('en', { numeric: true });

/**
 * Order two stories as the archive lists them.
 *
 * @param a A story.
 * @param b Another story.
 * @returns Negative when `a` comes first.
 */
export function compareStories(a: Story, b: Story): number {
  const sa = a.source[0];
  const sb = b.source[0];
  return FILES.compare(sa?.file ?? '', sb?.file ?? '') || (sa?.index ?? 0) - (sb?.index ?? 0) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

/**
 * Build the archive's listings.
 *
 * @param input Every story, in any order.
 * @returns The listings; the input array is not changed.
 */
export function buildArchive(input: readonly Story[]): Archive {
  const stories = [...input].sort(compareStories);

  const letters = new Map<IndexLetter, Story[]>(INDEX_LETTERS.map((letter) => [letter, []]));
  for (const story of stories) letters.get(fileUnderLetter(story.title))?.push(story);
  for (const list of letters.values()) list.sort((a, b) => compareTitles(a.title, b.title));

  const byFile = new Map<string, Story[]>();
  for (const story of stories) {
    for (const source of story.source) {
      const list = byFile.get(source.file) ?? [];
      if (list.length === 0) byFile.set(source.file, list);
      list.push(story);
    }
  }
  const files = [...byFile.keys()].sort(FILES.compare);
  const sourceKeys = assignSourceKeys(files);
  const sources = files.map((file) => ({
    file,
    key: sourceKeys.get(file) ?? file,
    stories: (byFile.get(file) ?? []).sort((a, b) => indexIn(a, file) - indexIn(b, file)),
  }));
  return { stories, letters, sources, sourceKeys };
}

function indexIn(story: Story, file: string): number {
  return story.source.find((source) => source.file === file)?.index ?? 0;
}

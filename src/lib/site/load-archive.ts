/**
 * The archive, read from the content collection once per build. Every route
 * shares this module, so its `getStaticPaths` calls reuse one sorted copy
 * instead of re-reading 100k entries each.
 */
import path from 'node:path';
import { getCollection } from 'astro:content';
import { buildArchive, type Archive } from './archive.ts';
import type { Story } from './story.ts';

/** What the loader stores per story (typed here, so type checks need no generated types). */
interface StoryEntry {
  id: string;
  filePath?: string;
  data: Story;
}

let archive: Promise<Archive> | undefined;
const files = new Map<string, string>();

/**
 * The archive's listings, built on first use.
 *
 * @returns The same archive on every call.
 */
export function loadArchive(): Promise<Archive> {
  // In `astro dev` entries can change between requests; a build reads them once.
  const loaded =
    (import.meta.env.DEV ? undefined : archive) ??
    (getCollection('articles') as Promise<StoryEntry[]>).then((entries) => {
      for (const entry of entries) if (entry.filePath) files.set(entry.id, entry.filePath);
      return buildArchive(entries.map((entry) => entry.data));
    });
  archive = loaded;
  return loaded;
}

/**
 * The entry file of a story, as the loader found it.
 *
 * @param slug The story's slug.
 * @returns The file's absolute path.
 */
export async function findEntryFile(slug: string): Promise<string> {
  await loadArchive();
  const file = files.get(slug);
  if (!file) throw new Error(`site: no entry file for the story "${slug}"`);
  // The loader stores paths relative to the project root, which `astro build` runs in.
  return path.resolve(file);
}

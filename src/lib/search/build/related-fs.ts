/**
 * Related stories for the story page, read once per build from the
 * `related.json` the search integration wrote before pages render.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { RelatedFile } from './index-fs.ts';

let cached: { file: string; bySlug: Map<string, { slug: string; title: string }[]> } | undefined;

/**
 * The related stories of a story.
 *
 * @param file The `related.json` the search integration wrote (its `relatedFile`).
 * @param slug The story's slug.
 * @returns Slug and headline of each related story, best first; none when
 *   the index was not built (as under `astro dev`).
 */
export function readRelatedStories(file: string, slug: string): { slug: string; title: string }[] {
  if (cached?.file !== file) {
    // Checked until it is read once: after that every story page of the build finds it cached.
    if (!existsSync(file)) return [];
    const data = JSON.parse(readFileSync(file, 'utf8')) as RelatedFile;
    const bySlug = new Map<string, { slug: string; title: string }[]>();
    data.stories.forEach((story, id) =>
      bySlug.set(
        story.slug,
        (data.related[id] ?? []).map((other) => data.stories[other]!),
      ),
    );
    cached = { file, bySlug };
  }
  return cached.bySlug.get(slug) ?? [];
}

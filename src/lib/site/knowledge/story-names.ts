/**
 * What "In this story" lists: a story's names by kind, once each, with their
 * pages, and the distinct dates it mentions, each with its month's page.
 */
import type { Story } from '../story.ts';
import { periodOf } from './dates.ts';
import { slugifyName } from './entity-slug.ts';
import { entityHref, periodHref } from './knowledge-urls.ts';
import { ENTITY_KINDS, type EntityKind } from './types.ts';

/** A linked name or date. */
export interface StoryLink {
  /** The name as the story gives it, or an ISO date. */
  text: string;
  href: string;
}

/**
 * A story's names by kind, in the story's order, one per page (spellings that
 * fold together once).
 *
 * @returns The kinds that have names, in the pages' order.
 */
export function listStoryNames(story: Story): Array<{ kind: EntityKind; links: StoryLink[] }> {
  return ENTITY_KINDS.map((kind) => {
    const bySlug = new Map<string, string>();
    for (const name of story[kind]) {
      const slug = slugifyName(name);
      if (!bySlug.has(slug)) bySlug.set(slug, name);
    }
    return { kind, links: [...bySlug].map(([slug, text]) => ({ text, href: entityHref(kind, slug) })) };
  }).filter((group) => group.links.length > 0);
}

/**
 * The distinct dates a story mentions, oldest first, each linked to its month (or year).
 *
 * @returns One link per ISO date.
 */
export function listStoryDates(story: Story): StoryLink[] {
  return [...new Set(story.dates.map((mention) => mention.date))].sort().map((date) => ({ text: date, href: periodHref(periodOf(date)) }));
}

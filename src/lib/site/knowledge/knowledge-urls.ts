/**
 * Every URL the knowledge pages link to, in one place.
 */
import type { EntityKind } from './types.ts';

/** A person's, place's or organisation's page. */
export function entityHref(kind: EntityKind, slug: string): string {
  return `/${kind}/${slug}/`;
}

/** A kind's index: by count, or A–Z. */
export function entityIndexHref(kind: EntityKind, order: 'count' | 'a-z' = 'count'): string {
  return order === 'count' ? `/${kind}/` : `/${kind}/a-z/`;
}

/** A month's (`2024-09`) or a year's (`2024`) timeline, or /dates/ itself. */
export function periodHref(key?: string): string {
  return key ? `/dates/${key}/` : '/dates/';
}

/** The stories whose latest date falls in a period. */
export function periodStoriesHref(key: string): string {
  return `/dates/${key}/stories/`;
}

/** Every story, latest date first. */
export const NEWEST_FIRST_HREF = '/latest/';

/** A speaker's quotes, or /quotes/ itself. */
export function speakerHref(slug?: string): string {
  return slug ? `/quotes/${slug}/` : '/quotes/';
}

/** A story's page. */
export function storyHref(slug: string): string {
  return `/articles/${slug}/`;
}

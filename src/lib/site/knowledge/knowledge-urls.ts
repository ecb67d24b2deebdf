/**
 * Every URL the knowledge pages link to, in one place, under the base path.
 */
import { paths } from '../paths.ts';
import type { EntityKind } from './types.ts';

/** A person's, place's or organisation's page. */
export function entityHref(kind: EntityKind, slug: string): string {
  return paths.path(`${kind}/${slug}/`);
}

/** A kind's index: by count, or A–Z. */
export function entityIndexHref(kind: EntityKind, order: 'count' | 'a-z' = 'count'): string {
  return paths.path(order === 'count' ? `${kind}/` : `${kind}/a-z/`);
}

/** A month's (`2024-09`) or a year's (`2024`) timeline, or /dates/ itself. */
export function periodHref(key?: string): string {
  return paths.path(key ? `dates/${key}/` : 'dates/');
}

/** The stories whose latest date falls in a period. */
export function periodStoriesHref(key: string): string {
  return paths.path(`dates/${key}/stories/`);
}

/** Every story, latest date first. */
export const NEWEST_FIRST_HREF = paths.path('latest/');

/** A speaker's quotes, or /quotes/ itself. */
export function speakerHref(slug?: string): string {
  return paths.path(slug ? `quotes/${slug}/` : 'quotes/');
}

/** A story's page. */
export function storyHref(slug: string): string {
  return paths.story(slug);
}

/**
 * A story's names as JSON-LD `mentions`.
 */
import type { Mention } from '../json-ld.ts';
import type { Story } from '../story.ts';
import { slugifyName } from './entity-slug.ts';
import { entityHref } from './knowledge-urls.ts';
import { ENTITY_KINDS, type EntityKind } from './types.ts';

const TYPES: Record<EntityKind, Mention['type']> = { people: 'Person', places: 'Place', organisations: 'Organization' };

/** A path that a URL keeps as it is written (no percent-encoding, no dot segments). */
const PLAIN_PATH = /^[a-z0-9/-]*$/;

/** Mentions kept in a page's structured data: a story naming hundreds stays a small page. */
export const MENTIONS_LIMIT = 100;

/**
 * The people, places and organisations a story names, once each.
 *
 * @param site The site's origin, for absolute URLs.
 * @returns Up to `MENTIONS_LIMIT` mentions, people first, then places, then organisations.
 */
export function listStoryMentions(story: Story, site: string | URL): Mention[] {
  // An entity href is a path from the root: when it is plain ASCII slug characters, the origin
  // before it is the absolute URL, without parsing a URL per name on every story page.
  const { origin } = new URL(site);
  const absolute = (href: string) => (PLAIN_PATH.test(href) ? `${origin}${href}` : new URL(href, site).href);
  const seen = new Set<string>();
  const mentions: Mention[] = [];
  for (const kind of ENTITY_KINDS) {
    for (const name of story[kind]) {
      if (mentions.length === MENTIONS_LIMIT) return mentions;
      const href = entityHref(kind, slugifyName(name));
      if (seen.has(href)) continue;
      seen.add(href);
      mentions.push({ type: TYPES[kind], name, url: absolute(href) });
    }
  }
  return mentions;
}

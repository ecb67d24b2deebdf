/**
 * The knowledge pages' groupings, built once per build from every story's
 * metadata: entities with their stories and co-mentions, the time pages, the
 * newest-first order and quotes by speaker.
 */
import type { Story } from '../story.ts';
import { compareNewestFirst } from './dates.ts';
import { groupDates } from './group-dates.ts';
import { compareByCount, compareByName, groupEntities } from './group-entities.ts';
import { groupQuotes } from './group-quotes.ts';
import { ENTITY_KINDS, type Entity, type EntityKind, type Knowledge } from './types.ts';

/**
 * Order stories latest date first, undated after.
 *
 * @param stories Stories in the order that breaks ties (archive order).
 * @returns A new array; the sort is stable.
 */
export function sortNewestFirst(stories: readonly Story[]): Story[] {
  return [...stories].sort((a, b) => compareNewestFirst(a.latestDate, b.latestDate));
}

/**
 * Build the knowledge groupings.
 *
 * @param stories Every story in archive order.
 * @returns The groupings; stories are shared, not copied.
 */
export function buildKnowledge(stories: readonly Story[]): Knowledge {
  const newestFirst = sortNewestFirst(stories);
  const entities = groupEntities(newestFirst);
  const perKind = <T>(make: (kind: EntityKind) => T) => Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, make(kind)])) as Record<EntityKind, T>;
  const ofKind = perKind((kind) => entities.filter((entity) => entity.kind === kind));
  const { periods, years } = groupDates(newestFirst);
  const speakers = groupQuotes(newestFirst);
  return {
    byCount: perKind((kind) => [...ofKind[kind]].sort(compareByCount)),
    alphabetical: perKind((kind) => [...ofKind[kind]].sort(compareByName)),
    bySlug: perKind((kind) => new Map(ofKind[kind].map((entity): [string, Entity] => [entity.slug, entity]))),
    years,
    periods,
    newestFirst,
    speakers,
    speakersBySlug: new Map(speakers.map((speaker) => [speaker.slug, speaker])),
  };
}

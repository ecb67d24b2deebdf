/**
 * What the pages call each kind of entity.
 */
import type { EntityKind } from './types.ts';

/** Headings and nouns for each kind. */
export const KIND_LABELS: Record<EntityKind, { plural: string; one: string; many: string; column: string }> = {
  people: { plural: 'People', one: 'person', many: 'people', column: 'Person' },
  places: { plural: 'Places', one: 'place', many: 'places', column: 'Place' },
  organisations: { plural: 'Organisations', one: 'organisation', many: 'organisations', column: 'Organisation' },
};

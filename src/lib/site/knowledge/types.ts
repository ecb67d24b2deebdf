/**
 * The knowledge layer of the archive as the site reads it: who, where, when and
 * what was said, grouped once per build.
 */
import type { Story } from '../story.ts';

/** The kinds of named entity, in the order pages list them; each is its URL's first segment. */
export const ENTITY_KINDS = ['people', 'places', 'organisations'] as const;

/** One kind of named entity. */
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** A name mentioned alongside an entity, and in how many of its stories. */
export interface RelatedName {
  kind: EntityKind;
  slug: string;
  name: string;
  /** Stories that name both. */
  count: number;
}

/** A person, place or organisation and the stories that name it. */
export interface Entity {
  kind: EntityKind;
  /** URL segment, from the name alone. */
  slug: string;
  /** The name shown: the spelling most stories use. */
  name: string;
  /** Its stories, latest date first, undated after (archive order among equals). */
  stories: Story[];
  /** The names most often in the same stories, most shared first. */
  related: RelatedName[];
}

/** One mention of a date, with the sentence it stands in and its story. */
export interface TimelineMention {
  /** ISO date, as precise as the story gives it. */
  date: string;
  /** The date as written. */
  text: string;
  /** The sentence it was written in. */
  sentence: string;
  story: Story;
}

/** A month (`2024-09`) or a year alone (`2024`) on the time pages. */
export interface Period {
  /** `YYYY-MM` or `YYYY`: the URL segment under /dates/. */
  key: string;
  /** Stories whose latest date falls in it, latest first. */
  stories: Story[];
  /** Every mention of a date in it, oldest date first. */
  mentions: TimelineMention[];
}

/** A year on /dates/: its months and the mentions of the year alone. */
export interface YearGroup {
  year: string;
  /** Stories whose latest date falls in the year, at any precision. */
  storyCount: number;
  /** Mentions of dates in the year, at any precision. */
  mentionCount: number;
  /** The year-alone period, when a story gives the year without a month. */
  period?: Period;
  /** Its months that have stories or mentions, in calendar order. */
  months: Period[];
}

/** A quote with its story. */
export interface QuoteMention {
  text: string;
  story: Story;
}

/** Someone quoted: a name, or a description when the story names nobody. */
export interface Speaker {
  slug: string;
  name: string;
  /** Their quotes, from the stories with the latest date first. */
  quotes: QuoteMention[];
}

/** Everything the knowledge pages list. */
export interface Knowledge {
  /** Each kind's entities by story count, most first (A–Z among equals). */
  byCount: Record<EntityKind, Entity[]>;
  /** Each kind's entities A–Z. */
  alphabetical: Record<EntityKind, Entity[]>;
  /** Each kind's entities by slug. */
  bySlug: Record<EntityKind, Map<string, Entity>>;
  /** Years with stories or mentions, newest first. */
  years: YearGroup[];
  /** Every period by key. */
  periods: Map<string, Period>;
  /** Every story, latest date first, undated after. */
  newestFirst: Story[];
  /** Speakers by number of quotes, most first. */
  speakers: Speaker[];
  /** Speakers by slug. */
  speakersBySlug: Map<string, Speaker>;
}

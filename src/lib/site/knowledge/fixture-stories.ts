/**
 * A small archive of stories with knowledge fields, for the unit tests: each
 * story is there to pin one behaviour (ordering by latest date, undated
 * stories, spellings that fold together, year-only dates, markup in names).
 */
import type { Story } from '../story.ts';

type Knowledge = Pick<Story, 'people' | 'places' | 'organisations' | 'dates' | 'quotes'> & { latestDate?: string };

/**
 * A story with the given knowledge fields and neutral metadata.
 *
 * @param slug Its slug (and title).
 * @param fields Any of its knowledge fields; the others are empty.
 * @returns A story as the content store holds it.
 */
export function makeStory(slug: string, fields: Partial<Knowledge> = {}): Story {
  return {
    slug,
    title: slug,
    id: '0123456789abcdef',
    wordCount: 100,
    source: [{ file: 'dump.txt', index: 0, line: 1 }],
    leadCaptions: [],
    excerpt: '',
    readingMinutes: 1,
    dir: 'ltr',
    people: [],
    places: [],
    organisations: [],
    dates: [],
    quotes: [],
    ...fields,
  };
}

/** A mention of a date, with a sentence made from its text. */
export function mention(date: string, text: string): Story['dates'][number] {
  return { date, text, sentence: `It happened on ${text}.` };
}

/** The fixture archive, in archive order. */
export const FIXTURE_STORIES: Story[] = [
  makeStory('ceasefire-talks', {
    people: ['Hassan Nasrallah', 'Amal Haddad'],
    places: ['Beirut'],
    organisations: ['Hezbollah'],
    dates: [mention('2024-09-17', '17 September 2024'), mention('2024-09', 'September 2024')],
    latestDate: '2024-09-17',
    quotes: [{ text: 'We will not stop.', speaker: 'Hassan Nasrallah' }],
  }),
  makeStory('undated-profile', {
    people: ['Hassan Nasrallah'],
    organisations: ['Hezbollah'],
  }),
  makeStory('earlier-strike', {
    people: ['Hassan Nasrallah', 'Amal Haddad'],
    places: ['Beirut', 'Tyre'],
    organisations: ['hezbollah'],
    dates: [mention('2024-01-27', 'January 27, 2024'), mention('2023', '2023')],
    latestDate: '2024-01-27',
    quotes: [
      { text: 'It is over.', speaker: 'Amal Haddad' },
      { text: 'Not yet.', speaker: 'a union negotiator' },
    ],
  }),
  makeStory('markup-names', {
    people: ['<script>alert(1)</script>', 'حسن نصر الله'],
    places: ['Beirut'],
    dates: [mention('2023-05-02', '2 May 2023')],
    latestDate: '2023-05-02',
    quotes: [{ text: 'Again.', speaker: 'hassan nasrallah' }],
  }),
];

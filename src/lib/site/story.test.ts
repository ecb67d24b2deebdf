import { describe, expect, it } from 'vitest';
import { StorySchema, summarizeEntry } from './story.ts';
import type { Entry } from '../entry-schema.ts';

const entry: Entry = {
  title: 'Storm Brings Record Rainfall',
  subtitle: 'Rivers burst their banks',
  captions: [
    { text: 'Flooded road', credit: 'AFP', lead: true },
    { text: 'Sandbags at a door', lead: false },
  ],
  source: [{ file: '010.txt', index: 0, line: 1 }],
  slug: 'storm-brings-record-rainfall-3c197f',
  id: '3c197f0123456789',
  wordCount: 700,
  people: [],
  places: [],
  organisations: [],
  dates: [],
  quotes: [],
};
const body = '## Background\n\nRain fell \\*all\\* week.\n\n> Sandbags at a door\n';

describe('summarizeEntry', () => {
  it('keeps the frontmatter, the lead captions only, and adds excerpt, reading time and direction', () => {
    const story = summarizeEntry(entry, body);
    expect(story).toEqual({
      title: entry.title,
      subtitle: entry.subtitle,
      source: entry.source,
      slug: entry.slug,
      id: entry.id,
      wordCount: 700,
      people: [],
      places: [],
      organisations: [],
      dates: [],
      quotes: [],
      leadCaptions: [{ text: 'Flooded road', credit: 'AFP', lead: true }],
      excerpt: 'Rain fell *all* week.',
      readingMinutes: 3,
      dir: 'ltr',
    });
    expect(story).not.toHaveProperty('lang');
    expect(StorySchema.parse(story)).toEqual(story);
  });

  it('reads an Arabic story right to left', () => {
    const story = summarizeEntry({ ...entry, title: 'مبادرة لزراعة أسطح المنازل', subtitle: undefined }, 'نص المقال.\n');
    expect(story.dir).toBe('rtl');
    expect(story.lang).toBe('ar');
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildKnowledge, sortNewestFirst } from './build-knowledge.ts';
import { FIXTURE_STORIES, makeStory } from './fixture-stories.ts';

const knowledge = buildKnowledge(FIXTURE_STORIES);
const slugs = (stories: ReadonlyArray<{ slug: string }>) => stories.map((story) => story.slug);

describe('sortNewestFirst', () => {
  it('puts the latest date first and undated stories last, keeping archive order among equals', () => {
    const stories = [
      makeStory('undated-a'),
      makeStory('old', { latestDate: '2020-01-01' }),
      makeStory('month', { latestDate: '2024-09' }),
      makeStory('day', { latestDate: '2024-09-17' }),
      makeStory('undated-b'),
    ];
    expect(slugs(sortNewestFirst(stories))).toEqual(['day', 'month', 'old', 'undated-a', 'undated-b']);
  });

  it('is a stable order on any dates: dated stories descend, undated ones keep their order at the end', () => {
    const date = fc.option(fc.constantFrom('2024', '2024-09', '2024-09-17', '2023-01-02'), { nil: undefined });
    fc.assert(
      fc.property(fc.array(date), (dates) => {
        const stories = dates.map((latestDate, i) => makeStory(`s${i}`, latestDate ? { latestDate } : {}));
        const sorted = sortNewestFirst(stories);
        const dated = sorted.filter((s) => s.latestDate);
        const undated = sorted.filter((s) => !s.latestDate);
        expect(sorted).toEqual([...dated, ...undated]);
        for (let i = 1; i < dated.length; i++) expect((dated[i - 1]?.latestDate ?? '') >= (dated[i]?.latestDate ?? '')).toBe(true);
        expect(slugs(undated)).toEqual(slugs(stories.filter((s) => !s.latestDate)));
      }),
    );
  });
});

describe('buildKnowledge', () => {
  it('lists an entity’s stories latest date first, undated after, with their count', () => {
    const person = knowledge.bySlug.people.get('hassan-nasrallah');
    expect(person?.name).toBe('Hassan Nasrallah');
    expect(slugs(person?.stories ?? [])).toEqual(['ceasefire-talks', 'earlier-strike', 'undated-profile']);
  });

  it('folds spellings of one name into one entity shown with the most used spelling', () => {
    const organisation = knowledge.bySlug.organisations.get('hezbollah');
    expect(organisation?.name).toBe('Hezbollah');
    expect(organisation?.stories).toHaveLength(3);
    expect(knowledge.byCount.organisations).toHaveLength(1);
  });

  it('orders each kind by count, then A–Z, and also A–Z alone', () => {
    expect(knowledge.byCount.places.map((e) => [e.name, e.stories.length])).toEqual([
      ['Beirut', 3],
      ['Tyre', 1],
    ]);
    expect(knowledge.byCount.people.map((e) => e.name)).toEqual(['Hassan Nasrallah', 'Amal Haddad', '<script>alert(1)</script>', 'حسن نصر الله']);
    expect(knowledge.alphabetical.people.map((e) => e.name)).toEqual(['<script>alert(1)</script>', 'Amal Haddad', 'Hassan Nasrallah', 'حسن نصر الله']);
  });

  it('lists the names most often mentioned alongside, across kinds, most shared first', () => {
    const person = knowledge.bySlug.people.get('amal-haddad');
    expect(person?.related.map((r) => [r.kind, r.name, r.count])).toEqual([
      ['people', 'Hassan Nasrallah', 2],
      ['places', 'Beirut', 2],
      ['organisations', 'Hezbollah', 2],
      ['places', 'Tyre', 1],
    ]);
  });

  it('keeps a name with markup as text and gives a name without Latin letters a slug of its own letters', () => {
    expect(knowledge.bySlug.people.get('script-alert-1-script')?.name).toBe('<script>alert(1)</script>');
    expect(knowledge.bySlug.people.get('حسن-نصر-الله')?.name).toBe('حسن نصر الله');
  });

  it('files stories under the month of their latest date, and every date mention on a timeline, oldest first', () => {
    const september = knowledge.periods.get('2024-09');
    expect(slugs(september?.stories ?? [])).toEqual(['ceasefire-talks']);
    expect(september?.mentions.map((m) => [m.date, m.story.slug])).toEqual([
      ['2024-09', 'ceasefire-talks'],
      ['2024-09-17', 'ceasefire-talks'],
    ]);
    expect(september?.mentions[1]?.sentence).toBe('It happened on 17 September 2024.');
  });

  it('groups years newest first with their months in calendar order and a period for the year alone', () => {
    expect(knowledge.years.map((y) => [y.year, y.storyCount, y.mentionCount, y.months.map((m) => m.key), y.period?.key])).toEqual([
      ['2024', 2, 3, ['2024-01', '2024-09'], undefined],
      ['2023', 1, 2, ['2023-05'], '2023'],
    ]);
  });

  it('groups quotes by speaker, spellings folded, most quoted first, each with its story', () => {
    expect(knowledge.speakers.map((s) => [s.slug, s.name, s.quotes.map((q) => [q.text, q.story.slug])])).toEqual([
      [
        'hassan-nasrallah',
        'Hassan Nasrallah',
        [
          ['We will not stop.', 'ceasefire-talks'],
          ['Again.', 'markup-names'],
        ],
      ],
      ['amal-haddad', 'Amal Haddad', [['It is over.', 'earlier-strike']]],
      ['a-union-negotiator', 'a union negotiator', [['Not yet.', 'earlier-strike']]],
    ]);
  });

  it('gives sane groupings for a story with 500 names: one entity each, every one related to a bounded few', () => {
    const names = Array.from({ length: 500 }, (_, i) => `Person Number ${i}`);
    const big = buildKnowledge([makeStory('crowd', { people: names })]);
    expect(big.byCount.people).toHaveLength(500);
    expect(Math.max(...big.byCount.people.map((e) => e.related.length))).toBe(8);
  });
});

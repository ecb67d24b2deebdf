import { describe, expect, it } from 'vitest';
import { makeStory, mention } from './fixture-stories.ts';
import { listStoryDates, listStoryNames } from './story-names.ts';

describe('listStoryNames', () => {
  it('lists each kind’s names once per page, in the story’s order, with their pages', () => {
    const story = makeStory('s', { people: ['Amal Haddad', 'Al-Sadr', 'al Sadr'], organisations: ['Hezbollah'] });
    expect(listStoryNames(story)).toEqual([
      {
        kind: 'people',
        links: [
          { text: 'Amal Haddad', href: '/people/amal-haddad/' },
          { text: 'Al-Sadr', href: '/people/al-sadr/' },
        ],
      },
      { kind: 'organisations', links: [{ text: 'Hezbollah', href: '/organisations/hezbollah/' }] },
    ]);
  });

  it('keeps a name with markup as its characters and a right-to-left name in its letters', () => {
    const [people] = listStoryNames(makeStory('s', { people: ['<img src=x onerror=alert(1)>', 'حسن نصر الله'] }));
    expect(people?.links).toEqual([
      { text: '<img src=x onerror=alert(1)>', href: '/people/img-src-x-onerror-alert-1/' },
      { text: 'حسن نصر الله', href: '/people/حسن-نصر-الله/' },
    ]);
  });

  it('lists every one of 500 names, each with a page of its own', () => {
    const names = Array.from({ length: 500 }, (_, i) => `Person Number ${i}`);
    const [people] = listStoryNames(makeStory('s', { people: names }));
    expect(new Set(people?.links.map((link) => link.href)).size).toBe(500);
  });
});

describe('listStoryDates', () => {
  it('lists each date once, oldest first, linked to its month or year', () => {
    const story = makeStory('s', { dates: [mention('2024-09-17', 'x'), mention('2023', 'y'), mention('2024-09-17', 'z'), mention('2024-01', 'w')] });
    expect(listStoryDates(story)).toEqual([
      { text: '2023', href: '/dates/2023/' },
      { text: '2024-01', href: '/dates/2024-01/' },
      { text: '2024-09-17', href: '/dates/2024-09/' },
    ]);
  });
});

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { contentId } from '../ingest/build-entry.ts';
import type { ParsedArticle } from '../ingest/types.ts';
import { generateBriefings, generateStories, RESCRAPES, rescrape } from '../../../scripts/bench/generate-identity-cases.ts';
import { seededRandom } from '../../../scripts/bench/random.ts';
import { identifyArticle } from './article-identity.ts';
import { assignStories, type IdentityArticle } from './assign-stories.ts';
import { emptyLedger, publishedUrls } from './ledger.ts';

const identity = (article: ParsedArticle): IdentityArticle => ({ id: contentId(article), ...identifyArticle(article) });
const STORIES = generateStories(60, 3);

describe('assignStories', () => {
  test('groups the same text, and each kind of re-scrape, with the original', () => {
    const copies = RESCRAPES.map((kind, i) => rescrape(STORIES[i] as ParsedArticle, kind, seededRandom(i)));
    const articles = [...STORIES.slice(0, RESCRAPES.length), ...copies, STORIES[0] as ParsedArticle].map(identity);
    const { storyOf } = assignStories({ articles, fresh: articles.keys(), ledger: emptyLedger() });
    for (let i = 0; i < RESCRAPES.length; i++) expect(storyOf[RESCRAPES.length + i], RESCRAPES[i]).toBe(storyOf[i]);
    expect(storyOf.at(-1)).toBe(articles[0]?.id);
    expect(new Set(storyOf).size).toBe(RESCRAPES.length);
  });

  test('keeps the same headline with other text as two stories', () => {
    const [a, b] = STORIES as [ParsedArticle, ParsedArticle];
    const articles = [a, { ...b, title: a.title }].map(identity);
    expect(new Set(assignStories({ articles, fresh: [0, 1], ledger: emptyLedger() }).storyOf).size).toBe(2);
  });

  test('groups a short story with its re-scrape that corrected a word', () => {
    const short = (text: string): ParsedArticle => ({
      title: 'Ferry timetable changes',
      captions: [],
      index: 0,
      line: 1,
      blocks: [
        { type: 'paragraph', text: `The winter timetable starts on Sunday with ${text} fewer sailings a day.`, line: 3 },
        { type: 'paragraph', text: 'The operator said the change follows the usual drop in passengers after the summer.', line: 4 },
      ],
    });
    const articles = [short('two'), short('three')].map(identity);
    const { storyOf } = assignStories({ articles, fresh: [1], ledger: emptyLedger() });
    expect(storyOf[1]).toBe(storyOf[0]);
  });

  test('never merges near-identical briefings', () => {
    const articles = generateBriefings(150, 5).map(identity);
    const { storyOf } = assignStories({ articles, fresh: articles.keys(), ledger: emptyLedger() });
    expect(new Set(storyOf).size).toBe(articles.length);
  });

  test('finds the story of a version whose dump changed, through the last run’s copy', () => {
    const before = identity(STORIES[1] as ParsedArticle);
    const ledger = emptyLedger();
    ledger.urls.set('x-aaaaaa', before.id);
    const after = identity(rescrape(STORIES[1] as ParsedArticle, 'corrected word', seededRandom(9)));
    const { storyOf } = assignStories({ articles: [after], fresh: [0], departed: [before], ledger });
    expect(storyOf).toEqual([before.id]);
  });

  test('keeps what the ledger tied together, and merges two known stories into the smaller id', () => {
    const [a, b, c] = STORIES.map(identity) as [IdentityArticle, IdentityArticle, IdentityArticle];
    const Y = 'ffffffffffffffff';
    const ledger = emptyLedger();
    ledger.urls.set('a-ffffff', Y);
    ledger.texts.set(a.id, Y);
    ledger.texts.set(b.id, Y);
    ledger.urls.set('c-cccccc', c.id);
    // Unrelated texts the ledger calls one story stay one.
    expect(assignStories({ articles: [a, b], fresh: [], ledger }).storyOf).toEqual([Y, Y]);
    // A near copy of c that the ledger knows as a version of Y: read afresh, it joins c and Y.
    const copy = { ...c, id: '0000000000000001' };
    ledger.texts.set(copy.id, Y);
    const { storyOf, merged } = assignStories({ articles: [a, c, copy], fresh: [2], ledger });
    const survivor = [c.id, Y].sort()[0] as string;
    expect(storyOf).toEqual([survivor, survivor, survivor]);
    expect([...merged]).toEqual([[survivor === Y ? c.id : Y, survivor]]);
    // Given who owns which URL by the caller (a plan works it out once), the same.
    expect(assignStories({ articles: [a, c, copy], fresh: [2], ledger, published: publishedUrls(ledger) })).toEqual({ storyOf, merged });
  });

  test('property: random small edits of a story keep its identity', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: STORIES.length - 1 }), fc.constantFrom(...RESCRAPES), fc.integer(), (index, kind, seed) => {
        const original = identity(STORIES[index] as ParsedArticle);
        const edited = identity(rescrape(STORIES[index] as ParsedArticle, kind, seededRandom(seed)));
        const ledger = emptyLedger();
        ledger.urls.set('story-aaaaaa', original.id);
        const { storyOf } = assignStories({ articles: [edited], fresh: [0], departed: [original], ledger });
        return storyOf[0] === original.id;
      }),
      { numRuns: 300 },
    );
  });

  test('finds the same groups whether few articles are fresh (a re-run) or most are (a first run)', () => {
    // A re-scrape of each kind among all 60 stories: read alone, it is a few
    // fresh among many (the band index); read with the rest, most are fresh
    // (all band keys sorted together).
    const copies = RESCRAPES.map((kind, i) => rescrape(STORIES[i * 5] as ParsedArticle, kind, seededRandom(i + 40)));
    const articles = [...STORIES, ...copies].map(identity);
    const rerun = assignStories({ articles, fresh: copies.map((_, i) => STORIES.length + i), ledger: emptyLedger() }).storyOf;
    const first = assignStories({ articles, fresh: articles.keys(), ledger: emptyLedger() }).storyOf;
    expect(rerun).toEqual(first);
    for (let i = 0; i < copies.length; i++) expect(rerun[STORIES.length + i], RESCRAPES[i]).toBe(rerun[i * 5]);
    expect(new Set(rerun).size).toBe(STORIES.length);
  });

  test('property: unrelated generated stories never merge', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (seed) => {
        const articles = generateStories(30, seed).map(identity);
        return new Set(assignStories({ articles, fresh: articles.keys(), ledger: emptyLedger() }).storyOf).size === articles.length;
      }),
      { numRuns: 20 },
    );
  });
});

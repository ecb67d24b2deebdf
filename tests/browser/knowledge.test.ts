/**
 * The knowledge pages of the built sample site, walked as a reader walks
 * them: story → person → another story, story → month → timeline → story,
 * a search filtered by person and year, and axe on every new page type. The
 * expectations come from the entries the ingest extracted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { launchBrowser, openPage, readEntries, type BuiltEntry } from './helpers.ts';
import { slugifyName } from '../../src/lib/site/knowledge/entity-slug.ts';
import { periodOf } from '../../src/lib/site/knowledge/dates.ts';

const baseURL = inject('baseURL');

/**
 * Whether the ingest wrote knowledge fields into the sample's entries: it
 * leaves empty lists out, so an archive built without extraction has no
 * `people:` anywhere, and these walks have nothing to walk.
 */
const extracted = readdirSync(inject('articlesDir')).some(
  (name) => name.endsWith('.md') && /^people:/m.test(readFileSync(path.join(inject('articlesDir'), name), 'utf8')),
);
const walk = describe.skipIf(!extracted);

/** An entry with the knowledge fields the ingest writes (absent when empty). */
type KnowledgeEntry = BuiltEntry & {
  people?: string[];
  places?: string[];
  organisations?: string[];
  dates?: { date: string; text: string; sentence: string }[];
  latestDate?: string;
  quotes?: { text: string; speaker: string }[];
};

let browser: Browser;
let page: Page;
let entries: KnowledgeEntry[];

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  entries = (await readEntries(inject('articlesDir'))) as KnowledgeEntry[];
});
afterAll(async () => browser?.close());

/** The stories naming each person, by the slug of their page. */
function storiesByPerson(): Map<string, KnowledgeEntry[]> {
  const people = new Map<string, KnowledgeEntry[]>();
  for (const entry of entries) {
    for (const slug of new Set((entry.people ?? []).map(slugifyName))) people.set(slug, [...(people.get(slug) ?? []), entry]);
  }
  // Latin slugs only, so a CSS attribute selector matches the href whether or not it is percent-encoded.
  return new Map([...people].filter(([slug]) => /^[a-z0-9-]+$/.test(slug)));
}

const url = (route: string) => new URL(encodeURI(route), baseURL).href;
/** A URL's path as written, non-Latin slugs decoded. */
const pathOf = (href: string) => decodeURI(new URL(href).pathname);

walk('entity pages', () => {
  it('walks from a story to a person it names, then to another story naming them', async () => {
    const [slug, stories] = [...storiesByPerson()].find(([, list]) => list.length >= 2) ?? [];
    expect(slug, 'the sample archive has a person named in two stories').toBeDefined();
    const [first] = stories as KnowledgeEntry[];
    await openPage(page, url(`articles/${first?.slug}/`));
    await page.locator(`.in-this-story a[href$="/people/${slug}/"]`).click();
    await page.waitForURL(url(`people/${slug}/`));
    const names = (first?.people ?? []).filter((name) => slugifyName(name) === slug);
    expect(names).toContain(await page.locator('h1').textContent());
    expect(await page.locator('.listing-count').textContent()).toMatch(new RegExp(`^${stories?.length} stories`));
    const hrefs = await page.locator('.story-list .story-card-title a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const second = stories?.find((entry) => entry !== first && hrefs.some((href) => decodeURI(href ?? '').endsWith(`/articles/${entry.slug}/`)));
    const at = hrefs.findIndex((href) => decodeURI(href ?? '').endsWith(`/articles/${second?.slug}/`));
    await page.locator('.story-list .story-card-title a').nth(at).click();
    await page.waitForURL(url(`articles/${second?.slug}/`));
    expect(await page.locator('h1').textContent()).toBe(second?.title);
    expect(await page.locator(`.in-this-story a[href$="/people/${slug}/"]`).count()).toBe(1);
  });

  it('lists a person’s stories latest date first, undated after', async () => {
    const [slug, stories] = [...storiesByPerson()].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
    await openPage(page, url(`people/${slug}/`));
    const shown = (await page.locator('.story-list .story-card-title a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).map(
      (href) => stories?.find((entry) => decodeURI(href ?? '').endsWith(`/articles/${entry.slug}/`))?.latestDate ?? '',
    );
    const dated = shown.filter((date) => date !== '');
    expect(dated).toEqual([...dated].sort().reverse());
    expect(shown.slice(dated.length).every((date) => date === '')).toBe(true);
  });
});

walk('time pages', () => {
  it('walks from a story to the month of its latest date, then from a timeline sentence to its story', async () => {
    const story = entries.find((entry) => entry.latestDate);
    expect(story, 'the sample archive has a dated story').toBeDefined();
    await openPage(page, url(`articles/${story?.slug}/`));
    await page.locator('.in-this-story .latest-date a').click();
    await page.waitForURL(url(`dates/${periodOf(story?.latestDate ?? '')}/`));
    expect(await page.locator('.period-stories').textContent()).toContain(story?.title);
    const item = page.locator('.timeline li').first();
    const sentence = (await item.locator('.timeline-sentence').textContent())?.trim();
    const link = item.locator('.timeline-story a');
    const href = pathOf(new URL((await link.getAttribute('href')) ?? '', baseURL).href);
    const target = entries.find((entry) => href.endsWith(`/articles/${entry.slug}/`));
    expect(target?.dates?.map((mention) => mention.sentence)).toContain(sentence);
    await link.click();
    await page.waitForURL(url(`articles/${target?.slug}/`));
    expect(await page.locator('h1').textContent()).toBe(target?.title);
  });

  it('shows years then months on /dates/, and the front page links to the newest-first listing', async () => {
    await openPage(page, baseURL);
    await page.locator('a[href$="/latest/"]').first().click();
    await page.waitForURL(url('latest/'));
    const first = await page.locator('.story-card-title a').first().getAttribute('href');
    const newest = entries.filter((entry) => entry.latestDate).sort((a, b) => ((a.latestDate ?? '') < (b.latestDate ?? '') ? 1 : -1))[0];
    expect(entries.find((entry) => decodeURI(first ?? '').endsWith(`/articles/${entry.slug}/`))?.latestDate).toBe(newest?.latestDate);
    await openPage(page, url('dates/'));
    const years = await page.locator('.dates-year h2').allTextContents();
    expect(years.length).toBeGreaterThan(0);
    expect(years.map((year) => year.slice(0, 4))).toEqual([...years.map((year) => year.slice(0, 4))].sort().reverse());
  });
});

walk('search filters', () => {
  it('loads no filter data for a plain query', async () => {
    const requests: string[] = [];
    const listener = (request: { url: () => string }) => requests.push(request.url());
    page.on('request', listener);
    await openPage(page, url('search/?q=ferry'));
    await page.locator('#search-page-results .search-result').first().waitFor();
    page.off('request', listener);
    expect(requests.filter((request) => request.includes('/facets/'))).toEqual([]);
  });

  it('browses a person’s stories, narrows them to a year, and keeps both in the URL with counts that follow', async () => {
    const [slug, stories] = [...storiesByPerson()].find(([, list]) => list.some((entry) => entry.latestDate)) ?? [];
    expect(slug, 'the sample archive has a dated story naming a person').toBeDefined();
    const year = stories?.find((entry) => entry.latestDate)?.latestDate?.slice(0, 4) ?? '';
    const inYear = stories?.filter((entry) => entry.latestDate?.startsWith(year)) ?? [];
    await openPage(page, url(`search/?person=${slug}`));
    await page.locator('#search-page-results .search-result').first().waitFor();
    expect(await page.locator('#search-page-results .search-result').count()).toBe(Math.min(stories?.length ?? 0, 10));
    await page.locator(`.search-filter-group[data-filter-group="year"] a[href*="year=${year}"]`).click();
    await page.waitForURL((current) => current.searchParams.get('year') === year && current.searchParams.get('person') === slug);
    await expect.poll(() => page.locator('.search-status').textContent()).toMatch(new RegExp(`^${inYear.length} stor`));
    const shown = await page.locator('#search-page-results .search-result-title').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(shown.map((href) => decodeURIComponent(href?.split('/articles/')[1] ?? '')).sort()).toEqual(inYear.map((entry) => `${entry.slug}/`).sort());
    expect(await page.locator(`.search-filter-group[data-filter-group="person"] a[aria-current]`).textContent()).toContain(`(${inYear.length})`);
    // A query combines with the filters, and the filters stay in the URL.
    const word = (inYear[0]?.title.match(/\p{L}{4,}/u) ?? [''])[0];
    await page.locator('#search-page-input').fill(word);
    await page.locator('#search-page-input').press('Enter');
    await page.waitForURL((current) => current.searchParams.get('q') === word && current.searchParams.get('person') === slug);
    await expect.poll(() => page.locator('.search-status').textContent()).toMatch(/match/);
    expect(await page.locator('#search-page-results .search-result-title').count()).toBeGreaterThan(0);
  });
});

walk('accessibility', () => {
  function routes(): Record<string, string> {
    const person = [...storiesByPerson()][0]?.[0];
    const place = entries.flatMap((entry) => entry.places ?? [])[0];
    const organisation = entries.flatMap((entry) => entry.organisations ?? [])[0];
    const dated = entries.find((entry) => entry.latestDate);
    const speaker = entries.flatMap((entry) => entry.quotes ?? [])[0]?.speaker;
    const named = entries.find((entry) => (entry.people ?? []).length > 0);
    return {
      'story with names and dates': `articles/${named?.slug}/`,
      'people by count': 'people/',
      'people A–Z': 'people/a-z/',
      person: `people/${person}/`,
      ...(place ? { place: `places/${slugifyName(place)}/`, 'places by count': 'places/' } : {}),
      ...(organisation ? { organisation: `organisations/${slugifyName(organisation)}/`, 'organisations A–Z': 'organisations/a-z/' } : {}),
      dates: 'dates/',
      month: `dates/${periodOf(dated?.latestDate ?? '')}/`,
      'month stories': `dates/${periodOf(dated?.latestDate ?? '')}/stories/`,
      'newest first': 'latest/',
      quotes: 'quotes/',
      ...(speaker ? { speaker: `quotes/${slugifyName(speaker)}/` } : {}),
      'search with filters': `search/?person=${person}`,
    };
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no axe violations on the knowledge page types (${scheme} theme)`, async () => {
      const context = await browser.newContext({ colorScheme: scheme });
      const tab = await context.newPage();
      const failures: string[] = [];
      for (const [name, route] of Object.entries(routes())) {
        expect(await openPage(tab, url(route)), name).toBe(200);
        if (route.startsWith('search/')) await tab.locator('.search-filter-group').first().waitFor();
        expect(await tab.locator('h1').count(), name).toBe(1);
        const { violations } = await new AxeBuilder({ page: tab }).analyze();
        for (const v of violations) failures.push(`${name}: ${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(' ')}`);
      }
      await context.close();
      expect(failures).toEqual([]);
    }, 600_000);
  }
});

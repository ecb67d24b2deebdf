/**
 * A reader browses: the front page and its pages, sources, the A–Z index,
 * a missing page, and the theme.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, readEntries, type BuiltEntry } from './helpers.ts';
import { TEST_BASE, TEST_INDEX_PAGE_SIZE, TEST_PAGE_SIZE } from './global-setup.ts';

const baseURL = inject('baseURL');
let browser: Browser;
let page: Page;
let entries: BuiltEntry[];

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  entries = await readEntries(inject('articlesDir'));
});
afterAll(async () => browser?.close());

const texts = async (selector: string) => (await page.locator(selector).allTextContents()).map((t) => t.trim());

describe('front page and pagination', () => {
  it('shows the story count and a page of headlines, subtitles, excerpts and reading times', async () => {
    await openPage(page, baseURL);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('.listing-count').textContent()).toContain(`${entries.length} stories`);
    const cards = page.locator('.story-card');
    expect(await cards.count()).toBe(TEST_PAGE_SIZE);
    expect(await cards.locator('.story-card-meta').first().textContent()).toMatch(/^\d+ min read$/);
    expect((await cards.locator('.story-card-excerpt').first().textContent())?.length).toBeGreaterThan(40);
  });

  it('walks every page with the pager, each story listed once', async () => {
    const pages = Math.ceil(entries.length / TEST_PAGE_SIZE);
    const seen: string[] = [];
    await openPage(page, baseURL);
    for (let n = 1; n <= pages; n++) {
      expect(new URL(page.url()).pathname).toBe(n === 1 ? TEST_BASE : `${TEST_BASE}page/${n}/`);
      expect(await page.locator('.pagination a[aria-current="page"]').textContent()).toContain(String(n));
      seen.push(...(await texts('.story-card-title')));
      if (n < pages) await page.locator('.pagination a[rel="next"]').click();
    }
    expect(await page.locator('.pagination a[rel="next"]').count()).toBe(0);
    expect(seen.sort()).toEqual(entries.map((e) => e.title).sort());
    await page.locator('.pagination a[rel="prev"]').click();
    expect(new URL(page.url()).pathname).toBe(pages - 1 === 1 ? TEST_BASE : `${TEST_BASE}page/${pages - 1}/`);
  });
});

describe('sources', () => {
  it('lists each dump file with its count, page by page, and links to its stories', async () => {
    await openPage(page, `${baseURL}sources/`);
    const files = [...new Set(entries.flatMap((e) => e.source.map((s) => s.file)))].sort();
    const listed: string[] = [];
    const counts: number[] = [];
    for (;;) {
      expect(await page.locator('.source-table tbody tr').count()).toBeLessThanOrEqual(TEST_INDEX_PAGE_SIZE);
      listed.push(...(await texts('.source-table tbody td:first-child')));
      counts.push(...(await texts('.source-table tbody td:last-child')).map(Number));
      const next = page.locator('.pagination a[rel="next"]');
      if ((await next.count()) === 0) break;
      await next.click();
    }
    expect(listed.sort()).toEqual(files);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(entries.reduce((sum, e) => sum + e.source.length, 0));
    const file = entries[0]!.source[0]!.file;
    await openPage(page, `${baseURL}sources/`);
    while ((await page.locator('.source-table a', { hasText: file }).count()) === 0) {
      await page.locator('.pagination a[rel="next"]').click();
    }
    await page.locator('.source-table a', { hasText: file }).click();
    expect(await page.locator('h1').textContent()).toContain(file);
    const expected = entries.filter((e) => e.source.some((s) => s.file === file)).map((e) => e.title);
    expect((await texts('.story-card-title')).sort()).toEqual(expected.sort());
  });
});

describe('A–Z index', () => {
  it('files every headline under one letter and pages through long letters', async () => {
    await openPage(page, `${baseURL}a-z/`);
    const letters = await page.locator('.letter-nav a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(letters.length).toBeGreaterThan(3);
    const titles: string[] = [];
    for (const href of letters) {
      await openPage(page, new URL(href, baseURL).href);
      for (;;) {
        const onPage = await texts('.title-list-full li a');
        expect(onPage.length).toBeLessThanOrEqual(TEST_INDEX_PAGE_SIZE);
        titles.push(...onPage);
        const next = page.locator('.pagination a[rel="next"]');
        if ((await next.count()) === 0) break;
        await next.click();
      }
    }
    expect(titles.sort()).toEqual(entries.map((e) => e.title).sort());
  });

  it('files Arabic and punctuation-only headlines under "Other"', async () => {
    await openPage(page, `${baseURL}a-z/other/`);
    const listed = await texts('.title-list-full li a');
    const other = entries.filter((e) => !/^[^\p{L}\p{N}]*[A-Za-z]/u.test(e.title.normalize('NFD'))).map((e) => e.title);
    expect(other.length).toBeGreaterThan(1);
    expect(listed.length).toBeGreaterThan(0);
    for (const title of listed) expect(other).toContain(title);
  });
});

describe('404 page', () => {
  it('answers a missing address with status 404, a heading and a search box', async () => {
    expect(await openPage(page, `${baseURL}articles/no-such-story/`)).toBe(404);
    expect(await page.locator('h1').textContent()).toMatch(/not in the archive/);
    const form = page.locator('main form[data-search-form]');
    expect(await form.getAttribute('action')).toBe(`${TEST_BASE}search/`);
    expect(await form.locator('input[name="q"][type="search"]').count()).toBe(1);
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
  });
});

describe('themes', () => {
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  it('follows the system theme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openPage(page, baseURL);
    const dark = await background();
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await background();
    expect(dark).toBe('rgb(22, 23, 26)');
    expect(light).toBe('rgb(251, 250, 246)');
  });

  it('switches with the toggle and remembers the choice', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const themed = await context.newPage();
    await openPage(themed, baseURL);
    const toggle = themed.locator('[data-theme-toggle]');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await openPage(themed, `${baseURL}a-z/`);
    expect(await themed.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(22, 23, 26)');
    expect(await themed.locator('[data-theme-toggle]').getAttribute('aria-pressed')).toBe('true');
    await context.close();
  });
});

describe('keyboard', () => {
  it('reaches the skip link first and lands in the main content', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await openPage(page, baseURL);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('Main');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
  });
});

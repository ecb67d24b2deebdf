/**
 * A reader opens the archive, follows a story and reads it.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, readEntries, type BuiltEntry } from './helpers.ts';

const baseURL = inject('baseURL');
let browser: Browser;
let page: Page;
let entries: BuiltEntry[];

const find = (pattern: RegExp) => {
  const entry = entries.find((e) => pattern.test(e.title));
  if (!entry) throw new Error(`no sample story matches ${pattern}`);
  return entry;
};
const storyURL = (entry: BuiltEntry) => `${baseURL}articles/${encodeURIComponent(entry.slug)}/`;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  entries = await readEntries(inject('articlesDir'));
});
afterAll(async () => browser?.close());

describe('story page', () => {
  it('is reached from the front page by its headline', async () => {
    expect(await openPage(page, baseURL)).toBe(200);
    const link = page.locator('.story-list .story-card-title a').first();
    const headline = (await link.textContent())?.trim();
    await link.click();
    await page.waitForURL(/\/articles\/[^/]+\/$/);
    expect((await page.locator('h1').textContent())?.trim()).toBe(headline);
  });

  it('shows headline, subtitle, every caption once and the metadata', async () => {
    const entry = entries.find((e) => e.subtitle && e.captions.length > 1) ?? find(/Harbour Street/);
    await openPage(page, storyURL(entry));
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('h1').textContent()).toBe(entry.title);
    expect(await page.locator('.story-subtitle').textContent()).toBe(entry.subtitle);
    const text = (await page.locator('main').textContent()) ?? '';
    for (const caption of entry.captions) {
      expect(text.split(caption.text).length - 1, caption.text).toBe(1);
    }
    const lead = entry.captions.find((c) => c.lead);
    if (lead) {
      const figcaption = await page.locator('.story-header figure figcaption').textContent();
      expect(figcaption).toContain(lead.text);
      if (lead.credit) expect(figcaption).toContain(`(${lead.credit})`);
    }
    const meta = await page.locator('.story-meta').textContent();
    expect(meta).toContain(`${entry.wordCount.toLocaleString('en')} words`);
    expect(meta).toMatch(/\d+ min read/);
    const source = page.locator('.story-sources a').first();
    expect(await source.textContent()).toBe(entry.source[0]?.file);
    expect(await page.locator('.story-sources').textContent()).toContain(`line ${entry.source[0]?.line}`);
  });

  it('gives each section heading an anchor link, and a contents list from three sections', async () => {
    const entry = entries.filter((e) => e.headings.length >= 3)[0];
    expect(entry, 'the sample needs a story with three sections').toBeDefined();
    await openPage(page, storyURL(entry!));
    const headings = page.locator('.story-body h2');
    expect(await headings.count()).toBe(entry!.headings.length);
    for (let i = 0; i < entry!.headings.length; i++) {
      const id = await headings.nth(i).getAttribute('id');
      expect(id).toBeTruthy();
      expect(await page.locator(`.story-body a.heading-anchor[href="#${id}"]`).count()).toBe(1);
      expect(await page.locator(`.toc a[href="#${id}"]`).count()).toBe(1);
    }
    const fewer = entries.find((e) => e.headings.length > 0 && e.headings.length < 3);
    if (fewer) {
      await openPage(page, storyURL(fewer));
      expect(await page.locator('.toc').count()).toBe(0);
    }
  });

  it('shows a headline containing <script> as text and runs nothing', async () => {
    const entry = find(/<script>/);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await openPage(page, storyURL(entry));
    expect(await page.locator('h1').textContent()).toBe(entry.title);
    expect(await page.title()).toContain('<script>');
    expect(await page.locator('main script, main img, main iframe').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('sets an Arabic story right to left', async () => {
    const entry = find(/[\u0600-\u06FF]/);
    await openPage(page, storyURL(entry));
    expect(await page.locator('article.story').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('article.story').getAttribute('lang')).toBe('ar');
    expect(await page.locator('.story-meta').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').evaluate((h1) => getComputedStyle(h1).direction)).toBe('rtl');
  });

  it('links to the previous and next stories', async () => {
    await openPage(page, baseURL);
    await page.locator('.story-card-title a').nth(1).click();
    await page.waitForURL(/\/articles\//);
    const next = page.locator('.neighbours a[rel="next"]');
    const title = (await next.locator('.neighbour-title').textContent())?.trim();
    await next.click();
    await page.waitForURL(/\/articles\//);
    expect((await page.locator('h1').textContent())?.trim()).toBe(title);
    await page.locator('.neighbours a[rel="prev"]').click();
    await page.waitForURL(/\/articles\//);
    expect(await page.locator('.neighbours a[rel="next"] .neighbour-title').textContent()).toBe(title);
  });

  it('carries canonical, Open Graph, Twitter and NewsArticle metadata', async () => {
    const entry = find(/Harbour Street/);
    await openPage(page, storyURL(entry));
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    expect(canonical).toMatch(new RegExp(`/articles/${entry.slug}/$`));
    expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe(entry.title);
    expect(await page.locator('meta[property="og:type"]').getAttribute('content')).toBe('article');
    expect(await page.locator('meta[name="twitter:card"]').getAttribute('content')).toBe('summary_large_image');
    expect(await page.locator('meta[property="og:image"]').getAttribute('content')).toMatch(/\/og\/[^/]+\.png$/);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    expect(jsonLd).toMatchObject({ '@type': 'NewsArticle', headline: entry.title, url: canonical, wordCount: entry.wordCount });
  });

  it('prints the story without the masthead bar, contents list or neighbour links', async () => {
    const entry = entries.find((e) => e.headings.length >= 3) ?? find(/Harbour Street/);
    await openPage(page, storyURL(entry));
    await page.emulateMedia({ media: 'print' });
    const shown = (selector: string) => page.locator(selector).first().isVisible();
    expect(await shown('.masthead-bar')).toBe(false);
    expect(await shown('.neighbours')).toBe(false);
    expect(await shown('.toc')).toBe(false);
    expect(await shown('h1')).toBe(true);
    expect(await shown('.story-body p')).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });

  it('reads without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    const entry = find(/Harbour Street/);
    await openPage(plain, storyURL(entry));
    expect(await plain.locator('h1').isVisible()).toBe(true);
    expect(await plain.locator('.story-body p').count()).toBeGreaterThan(3);
    expect(await plain.locator('[data-theme-toggle]').isVisible()).toBe(false);
    await context.close();
  });
});

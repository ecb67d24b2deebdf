/**
 * A URL is forever: a site is built, its stories re-scraped (a corrected
 * headline, a changed body), and rebuilt into the same folders; every URL the
 * first build published answers with its story in Chromium, directly or
 * through a redirect page, and the host's `_redirects` says the same.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, buildSite, launchBrowser } from './helpers.ts';
import { serveStatic } from './static-server.ts';

const FIXTURES = path.join(ROOT, 'src/lib/identity/fixtures');
const fixture = (name: string, file: string) => readFileSync(path.join(FIXTURES, name, file), 'utf8');
const slugsIn = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -3));
const titleOf = (dir: string, slug: string) => /^title: (.*)$/m.exec(readFileSync(path.join(dir, `${slug}.md`), 'utf8'))?.[1]?.replace(/^"|"$/g, '');

let work: string;
let dist: string;
let before: { slug: string; title: string | undefined }[];
let browser: Browser;
let site: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'clippings-urls-'));
  const raw = path.join(work, 'raw');
  mkdirSync(raw);
  cpSync(path.join(FIXTURES, 'corrected-headline', 'first.txt'), path.join(raw, 'a.txt'));
  writeFileSync(path.join(raw, 'b.txt'), fixture('paragraph-added-at-the-end', 'first.txt').split('\n\n\n\n')[1] ?? '');
  await buildSite(raw, work);
  const articles = path.join(work, 'articles');
  before = slugsIn(articles).map((slug) => ({ slug, title: titleOf(articles, slug) }));
  // The re-scrape: the harbour story with a corrected headline in place of the
  // old one; the ferry story scraped again into a new dump, a word corrected.
  const ferry = readFileSync(path.join(raw, 'b.txt'), 'utf8');
  writeFileSync(path.join(raw, 'a.txt'), fixture('corrected-headline', 'second.txt'));
  writeFileSync(path.join(raw, 'c.txt'), ferry.replace('two fewer sailings', 'three fewer sailings'));
  dist = await buildSite(raw, work);
  site = await serveStatic(dist);
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('permanent URLs across a re-scrape', () => {
  it('answers every URL of the first build with its story, directly or through a redirect', async () => {
    expect(before.length).toBeGreaterThanOrEqual(2);
    const page = await browser.newPage();
    for (const { slug, title } of before) {
      const response = await page.goto(`${site.url}articles/${slug}/`);
      expect(response?.status(), slug).toBe(200);
      await page.waitForSelector('h1.story-title', { timeout: 10_000 });
      const heading = await page.textContent('h1.story-title');
      if (slug.startsWith('harbour')) expect(heading).toBe('Harbour Cranes Are Back in Port Alder After Two-Year Refit');
      else expect(heading).toBe(title);
    }
    await page.close();
  });

  it('keeps a story whose body changed at its URL, and redirects the corrected headline’s old URL with a 301 for hosts and a page for all', () => {
    const articles = path.join(work, 'articles');
    const after = slugsIn(articles);
    const ferry = before.find(({ slug }) => slug.startsWith('ferry'))?.slug as string;
    expect(after).toContain(ferry);
    const old = before.find(({ slug }) => slug.startsWith('harbour'))?.slug as string;
    const now = after.find((slug) => slug.startsWith('harbour')) as string;
    expect(now).not.toBe(old);
    expect(readFileSync(path.join(dist, '_redirects'), 'utf8')).toBe(`/articles/${old}/ /articles/${now}/ 301\n`);
    const html = readFileSync(path.join(dist, 'articles', old, 'index.html'), 'utf8');
    expect(html).toContain(`<link rel="canonical" href="https://clippings.example.org/articles/${now}/"`);
    expect(html).toMatch(/<meta name="robots" content="noindex/);
    expect(html).toContain(`http-equiv="refresh"`);
    const sitemap = readFileSync(path.join(dist, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(`/articles/${now}/`);
    expect(sitemap).not.toContain(`/articles/${old}/`);
  });

  it('shows that the text was updated, with the sources', async () => {
    const page = await browser.newPage();
    const ferry = before.find(({ slug }) => slug.startsWith('ferry'))?.slug as string;
    await page.goto(`${site.url}articles/${ferry}/`);
    const sources = await page.textContent('.story-sources');
    expect(sources).toContain('Updated:');
    expect(sources).toContain('b.txt');
    expect(sources).toContain('c.txt');
    expect(sources).toContain('1 word changed');
    await page.close();
  });
});

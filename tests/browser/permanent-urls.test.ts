/**
 * A URL is forever: a site is built, its stories re-scraped (a corrected
 * headline, a changed body, a person's name corrected), and rebuilt into the
 * same folders; every story and entity URL the first build published answers
 * in Chromium, directly or through a redirect page, and the host's
 * `_redirects` says the same. Then a fresh clone (the dumps and the two files
 * kept in git, the URL ledger and the entity history, and nothing else) is
 * built and answers the same.
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
const slugsIn = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => name.slice(0, -3));
const titleOf = (dir: string, slug: string) => /^title: (.*)$/m.exec(readFileSync(path.join(dir, `${slug}.md`), 'utf8'))?.[1]?.replace(/^"|"$/g, '');

let work: string;
let dist: string;
let before: { slug: string; title: string | undefined }[];
let browser: Browser;
let site: Awaited<ReturnType<typeof serveStatic>>;
let clone: string;
let cloneSite: Awaited<ReturnType<typeof serveStatic>>;

// The files a clone gets from git: kept outside the entries folder, as the archive's own are.
const tracked = (dir: string) => ({ ledger: path.join(dir, 'url-ledger.txt'), history: path.join(dir, 'entity-history.txt') });
const build = (raw: string, dir: string) => buildSite(raw, dir, { CLIPPINGS_ENTITY_HISTORY: tracked(dir).history }, ['--ledger', tracked(dir).ledger]);

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'clippings-urls-'));
  const raw = path.join(work, 'raw');
  mkdirSync(raw);
  cpSync(path.join(FIXTURES, 'corrected-headline', 'first.txt'), path.join(raw, 'a.txt'));
  const ferryText = fixture('paragraph-added-at-the-end', 'first.txt').split('\n\n\n\n')[1] ?? '';
  writeFileSync(path.join(raw, 'b.txt'), ferryText.replace('The operator said', 'Ferry captain Jon Smyth said'));
  await build(raw, work);
  const articles = path.join(work, 'articles');
  before = slugsIn(articles).map((slug) => ({ slug, title: titleOf(articles, slug) }));
  // The re-scrape: the harbour story with a corrected headline in place of the
  // old one; the ferry story scraped again into a new dump, a word and its
  // captain's name corrected (people/jon-smyth/ becomes people/john-smyth/).
  const ferry = readFileSync(path.join(raw, 'b.txt'), 'utf8');
  writeFileSync(path.join(raw, 'a.txt'), fixture('corrected-headline', 'second.txt'));
  writeFileSync(path.join(raw, 'c.txt'), ferry.replace('two fewer sailings', 'three fewer sailings').replace('Jon Smyth', 'John Smyth'));
  dist = await build(raw, work);
  site = await serveStatic(dist);

  clone = path.join(work, 'clone');
  mkdirSync(clone);
  cpSync(raw, path.join(clone, 'raw'), { recursive: true });
  cpSync(tracked(work).ledger, tracked(clone).ledger);
  cpSync(tracked(work).history, tracked(clone).history);
  cloneSite = await serveStatic(await build(path.join(clone, 'raw'), clone));
  browser = await launchBrowser();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await cloneSite?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('permanent URLs across a re-scrape', () => {
  it.each([
    ['the rebuilt site', () => site.url],
    ['a fresh clone', () => cloneSite.url],
  ])('answers every URL of the first build with its story, directly or through a redirect: %s', async (_, base) => {
    expect(before.length).toBeGreaterThanOrEqual(2);
    const page = await browser.newPage();
    for (const { slug, title } of before) {
      const response = await page.goto(`${base()}articles/${slug}/`);
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
    expect(readFileSync(path.join(dist, '_redirects'), 'utf8')).toBe(`/articles/${old}/ /articles/${now}/ 301\n/people/jon-smyth/ /people/john-smyth/ 301\n`);
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
    expect(sources).toContain('2 words changed');
    await page.close();
  });

  it('shows that the text was updated when the dump was edited in place, with what changed', async () => {
    const page = await browser.newPage();
    const harbour = slugsIn(path.join(work, 'articles')).find((slug) => slug.startsWith('harbour')) as string;
    await page.goto(`${site.url}articles/${harbour}/`);
    expect(await page.textContent('.story-updated')).toBe('Updated: this story was scraped 2 times and its text changed; this page shows the last version.');
    expect(await page.textContent('.story-sources li')).toMatch(/a\.txt, line \d+\s*: first read; then headline corrected/);
    await page.close();
  });
});

describe('permanent entity URLs', () => {
  it.each([
    ['the rebuilt site', () => site.url],
    ['a fresh clone', () => cloneSite.url],
  ])('leads the old URL of a person whose name was corrected to their page: %s', async (_, base) => {
    const page = await browser.newPage();
    const response = await page.goto(`${base()}people/jon-smyth/`);
    expect(response?.status()).toBe(200);
    await page.waitForURL(`${base()}people/john-smyth/`, { timeout: 10_000 });
    expect(await page.locator('h1').textContent()).toContain('John Smyth');
    await page.close();
  });

  it('keeps the entity history in the tracked file, and a fresh clone builds the same history and redirects', () => {
    const history = readFileSync(tracked(work).history, 'utf8');
    expect(history).toMatch(/^people jon-smyth > john-smyth [0-9a-f]{16}/m);
    expect(readdirSync(path.join(work, 'articles')).filter((name) => name.includes('entity-history'))).toEqual([]);
    expect(readFileSync(tracked(clone).history, 'utf8')).toBe(history);
    expect(readFileSync(path.join(clone, 'dist', '_redirects'), 'utf8')).toBe(readFileSync(path.join(dist, '_redirects'), 'utf8'));
    const sitemap = readFileSync(path.join(dist, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('/people/john-smyth/');
    expect(sitemap).not.toContain('/people/jon-smyth/');
  });
});

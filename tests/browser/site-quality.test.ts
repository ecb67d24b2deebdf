/**
 * The built site as a whole: accessibility per page type, valid HTML, no
 * broken internal links, page weight, feeds and crawler files.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { HtmlValidate } from 'html-validate';
import { launchBrowser, listHtmlFiles, openPage, readEntries, type BuiltEntry } from './helpers.ts';
import { TEST_BASE } from './global-setup.ts';

const baseURL = inject('baseURL');
const distDir = inject('distDir');
let browser: Browser;
let entries: BuiltEntry[];
let htmlFiles: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  entries = await readEntries(inject('articlesDir'));
  htmlFiles = await listHtmlFiles(distDir);
});
afterAll(async () => browser?.close());

/** One page of each type; the search engineer's /search/ page is checked by their suite. */
function pageTypes(): Record<string, string> {
  const arabic = entries.find((e) => /[\u0600-\u06FF]/.test(e.title));
  const sectioned = entries.find((e) => e.headings.length >= 3) ?? entries[0];
  return {
    'front page': '',
    'listing page 2': 'page/2/',
    'story with sections': `articles/${sectioned?.slug}/`,
    'right-to-left story': `articles/${arabic?.slug}/`,
    sources: 'sources/',
    'sources page 2': 'sources/page/2/',
    'one source': `sources/${htmlFiles.find((f) => f.startsWith('sources/') && f !== 'sources/index.html')?.split('/')[1]}/`,
    'A–Z index': 'a-z/',
    'A–Z letter': 'a-z/other/',
    'A–Z letter page 2': htmlFiles.find((f) => /^a-z\/[^/]+\/2\/index\.html$/.test(f))?.replace('index.html', '') ?? 'missing',
    'not found': 'no-such-page/',
  };
}

describe('accessibility', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`has no axe violations on any page type (${scheme} theme)`, async () => {
      const context = await browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      const failures: string[] = [];
      for (const [name, route] of Object.entries(pageTypes())) {
        await openPage(page, new URL(encodeURI(route), baseURL).href);
        expect(await page.locator('h1').count(), name).toBe(1);
        const { violations } = await new AxeBuilder({ page }).analyze();
        for (const v of violations) failures.push(`${name}: ${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(' ')}`);
      }
      await context.close();
      expect(failures).toEqual([]);
      // axe takes seconds a page, and the page types grow with the archive's features.
    }, 240_000);
  }
});

describe('layout', () => {
  it('fits a 360-pixel phone screen without sideways scrolling on any page type', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const wide: string[] = [];
    for (const [name, route] of Object.entries(pageTypes())) {
      await openPage(page, new URL(encodeURI(route), baseURL).href);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 360) wide.push(`${name}: ${width}px`);
    }
    await context.close();
    expect(wide).toEqual([]);
  });
});

describe('HTML', () => {
  it('validates every built page', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      // A story's <title> is its headline; newspaper headlines often run past 70 characters.
      rules: { 'long-title': 'off' },
    });
    const failures: string[] = [];
    for (const file of htmlFiles) {
      const report = await validator.validateString(await readFile(path.join(distDir, file), 'utf8'), file);
      for (const result of report.results) {
        for (const m of result.messages) failures.push(`${file}:${m.line}:${m.column}: ${m.ruleId}: ${m.message}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('links', () => {
  it('has no broken internal link, stylesheet or script on any page, every one under the base path', async () => {
    const broken: string[] = [];
    const checked = new Map<string, boolean>();
    const exists = async (pathname: string) => {
      if (!pathname.startsWith(TEST_BASE)) return false;
      if (!checked.has(pathname)) {
        const target = path.join(distDir, decodeURIComponent(pathname.slice(TEST_BASE.length)));
        const info = await stat(target).catch(() => undefined);
        const found = info?.isFile() || (info?.isDirectory() && (await stat(path.join(target, 'index.html')).catch(() => undefined)) !== undefined);
        checked.set(pathname, Boolean(found));
      }
      return checked.get(pathname);
    };
    for (const file of htmlFiles) {
      const html = await readFile(path.join(distDir, file), 'utf8');
      const pageURL = new URL(file.replace(/index\.html$/, ''), `http://site.test${TEST_BASE}`);
      for (const [, , ref] of html.matchAll(/\s(href|src)="([^"]+)"/g)) {
        const url = new URL(ref!.replace(/&amp;/g, '&'), pageURL);
        if (url.origin !== 'http://site.test') continue;
        if (url.pathname.startsWith(`${TEST_BASE}search/`)) continue;
        if (!(await exists(url.pathname))) broken.push(`${file} → ${ref}`);
        if (url.hash && url.pathname === pageURL.pathname) {
          const id = decodeURIComponent(url.hash.slice(1));
          if (!html.includes(`id="${id}"`)) broken.push(`${file} → ${ref} (no such id)`);
        }
      }
    }
    expect(checked.size).toBeGreaterThan(entries.length);
    expect(broken).toEqual([]);
  });
});

describe('weight', () => {
  it('serves the longest story page with its stylesheet and scripts in under 30 KB compressed, with no web font', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const longest = [...entries].sort((a, b) => b.wordCount - a.wordCount)[0]!;
    const bodies: Array<{ url: string; type: string; bytes: number }> = [];
    page.on('response', async (response) => {
      const body = await response.body().catch(() => Buffer.alloc(0));
      bodies.push({ url: response.url(), type: response.request().resourceType(), bytes: gzipSync(body).length });
    });
    await openPage(page, `${baseURL}articles/${encodeURIComponent(longest.slug)}/`);
    await page.waitForLoadState('networkidle');
    await context.close();
    const total = bodies.reduce((sum, b) => sum + b.bytes, 0);
    expect(bodies.filter((b) => b.type === 'font')).toEqual([]);
    expect(total).toBeLessThan(30 * 1024);
  });
});

describe('feeds and crawler files', () => {
  it('publishes an RSS feed of stories', async () => {
    const rss = await readFile(path.join(distDir, 'rss.xml'), 'utf8');
    expect(rss).toMatch(/^<\?xml/);
    expect(rss.match(/<item>/g)?.length).toBe(Math.min(entries.length, 50));
    expect(rss).toContain('<title>Hackers Hid a &lt;script&gt; Tag');
  });

  it('lists every story in the sitemap and points robots.txt at it', async () => {
    const robots = await readFile(path.join(distDir, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap-index\.xml$/m);
    const sitemap = await readFile(path.join(distDir, 'sitemap-0.xml'), 'utf8');
    for (const entry of entries) expect(sitemap).toContain(`/articles/${encodeURI(entry.slug)}/`);
    expect(sitemap).not.toContain('/404');
  });
});

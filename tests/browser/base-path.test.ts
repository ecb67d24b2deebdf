/**
 * The site as a user configured it: another name and a base path
 * (`/archive/`, set in the global setup through the config's environment
 * overrides). A crawler follows every link from the front page over HTTP, and
 * a reader searches, with nothing broken and nothing outside the base.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, listHtmlFiles, openPage } from './helpers.ts';
import { TEST_BASE, TEST_NAME } from './global-setup.ts';

const baseURL = inject('baseURL');
const distDir = inject('distDir');
/** Where the config says the site is published: absolute links there are mapped to the test server. */
const PUBLIC_ORIGIN = 'https://clippings.example.org';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

/** Every URL an HTML or XML document refers to: links, assets, form actions, canonical and feed URLs. */
function listReferences(text: string): string[] {
  const refs = [...text.matchAll(/\s(?:href|src|action|content)="([^"]+)"/g), ...text.matchAll(/<(?:loc|link|guid[^>]*)>([^<]+)</g)].map((match) =>
    match[1]!.replace(/&amp;/g, '&'),
  );
  return refs.filter((ref) => /^(?:\/|\.|https?:|[\w-]+\/)/.test(ref) && !ref.includes(' '));
}

describe('base path', () => {
  it('crawls every page from the front page with no broken link, and every link stays under the base', async () => {
    const origin = new URL(baseURL).origin;
    const queue = [baseURL];
    const seen = new Set(queue);
    const broken: string[] = [];
    const outside: string[] = [];
    while (queue.length > 0) {
      const url = queue.shift()!;
      const response = await fetch(url, { redirect: 'manual' });
      if (response.status !== 200) {
        broken.push(`${url}: ${response.status}`);
        continue;
      }
      const type = response.headers.get('content-type') ?? '';
      if (!/html|xml/.test(type)) continue;
      const text = await response.text();
      for (const ref of listReferences(text)) {
        let target = new URL(ref, url);
        if (target.origin === PUBLIC_ORIGIN) target = new URL(target.pathname + target.search, origin);
        if (target.origin !== origin) continue;
        if (!target.pathname.startsWith(TEST_BASE)) {
          outside.push(`${url} → ${ref}`);
          continue;
        }
        target.hash = '';
        if (target.pathname === `${TEST_BASE}search/`) target.search = '';
        if (!seen.has(target.href)) {
          seen.add(target.href);
          queue.push(target.href);
        }
      }
    }
    expect(outside).toEqual([]);
    expect(broken).toEqual([]);
    // The crawl reached every page that was built (the 404 and offline pages are reached by missing addresses only).
    const pages = (await listHtmlFiles(distDir))
      .filter((file) => file !== '404.html' && file !== 'offline/index.html')
      .map((file) => file.replace(/index\.html$/, ''));
    const crawled = new Set([...seen].map((href) => decodeURIComponent(new URL(href).pathname.slice(TEST_BASE.length))));
    expect(pages.filter((file) => !crawled.has(file))).toEqual([]);
  });

  it('shows the configured name, never the default one', async () => {
    for (const file of await listHtmlFiles(distDir)) {
      const html = await readFile(path.join(distDir, file), 'utf8');
      expect(html, file).toContain(`<a class="wordmark" href="${TEST_BASE}">${TEST_NAME}</a>`);
      expect(html, file).not.toMatch(/Clippings/);
    }
    expect(await readFile(path.join(distDir, 'rss.xml'), 'utf8')).toContain(`<title>${TEST_NAME}</title>`);
  });

  it('searches from the header box under the base: every data file and result link loads', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    // A request cut short because the test moved on to the next page is not a broken link.
    page.on('requestfailed', (request) => {
      if (!/ERR_ABORTED/.test(request.failure()?.errorText ?? '')) failed.push(`failed ${request.url()}`);
    });
    await openPage(page, baseURL);
    await page.locator('#site-search').fill('harbour');
    const results = page.locator('.search-panel .search-result-title');
    await results.first().waitFor();
    const hrefs = await results.evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      expect(new URL(href).pathname.startsWith(`${TEST_BASE}articles/`), href).toBe(true);
      expect(await openPage(page, href), href).toBe(200);
    }
    await openPage(page, `${baseURL}search/?q=ferry`);
    // With the records: they are fetched once the links show.
    await page.locator('#search-page-results .search-result-snippet').first().waitFor();
    expect(failed).toEqual([]);
    await context.close();
  });
});

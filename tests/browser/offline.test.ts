/**
 * Offline and installable: the manifest and icons, and the service worker
 * with the network cut. A story read before opens, a search over the shards a
 * query used answers, a story never read shows the offline page, and a new
 * build's worker replaces the old precache.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { writeOfflineFiles } from '../../src/integrations/offline.ts';
import { SHELL_GLOBS } from '../../src/lib/site/service-worker-config.ts';
import { launchBrowser, openPage, readEntries, type BuiltEntry } from './helpers.ts';
import { serveStatic } from './static-server.ts';
import { TEST_BASE, TEST_NAME } from './global-setup.ts';

const distDir = inject('distDir');
let browser: Browser;
let workDir: string;
let siteDir: string;
let server: { url: string; close: () => Promise<void> };
let entries: BuiltEntry[];

beforeAll(async () => {
  // A copy of the built site, so the "new build" below does not touch the suite's own.
  workDir = await mkdtemp(path.join(tmpdir(), 'clippings-offline-'));
  siteDir = path.join(workDir, 'dist');
  await cp(distDir, siteDir, { recursive: true });
  server = await serveStatic(siteDir, { base: TEST_BASE });
  browser = await launchBrowser();
  entries = await readEntries(inject('articlesDir'));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(workDir, { recursive: true, force: true });
});

/** Wait until a service worker controls the page. */
async function waitForWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
}

/** Every URL the precache holds, with the text of the offline page. */
async function readPrecache(page: Page): Promise<{ urls: string[]; offline: string[] }> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    const offline: string[] = [];
    for (const name of await caches.keys()) {
      if (!name.includes('precache')) continue;
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        urls.push(request.url);
        if (request.url.includes('/offline/')) offline.push(await (await cache.match(request))!.text());
      }
    }
    return { urls, offline };
  });
}

describe('web app manifest', () => {
  it('names the archive as configured, opens at its base and has PNG icons of 192 and 512 pixels', async () => {
    const manifest = JSON.parse(await readFile(path.join(distDir, 'manifest.webmanifest'), 'utf8'));
    expect(manifest).toMatchObject({ name: TEST_NAME, start_url: TEST_BASE, scope: TEST_BASE, display: 'standalone' });
    const pngs = manifest.icons.filter((icon: { type: string }) => icon.type === 'image/png');
    expect(pngs.map((icon: { sizes: string }) => icon.sizes)).toEqual(['192x192', '512x512']);
    for (const icon of pngs) {
      const png = await readFile(path.join(distDir, icon.src.slice(TEST_BASE.length)));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(Number(icon.sizes.split('x')[0]));
    }
    const home = await readFile(path.join(distDir, 'index.html'), 'utf8');
    expect(home).toContain(`<link rel="manifest" href="${TEST_BASE}manifest.webmanifest">`);
  });

  it('gives every page a 32-pixel PNG icon, and no SVG one', async () => {
    const home = await readFile(path.join(distDir, 'index.html'), 'utf8');
    const icons = home.match(/<link rel="icon"[^>]*>/g);
    expect(icons).toEqual([`<link rel="icon" href="${TEST_BASE}icons/icon-32.png" type="image/png" sizes="32x32">`]);
    const png = await readFile(path.join(distDir, 'icons/icon-32.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([32, 32]);
  });
});

describe('service worker', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await browser.newContext();
    page = await context.newPage();
  });
  afterAll(async () => context?.close());

  it('precaches the shell only: no page but the offline page, no search data', async () => {
    await openPage(page, server.url);
    await waitForWorker(page);
    const { urls } = await readPrecache(page);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.every((url) => new URL(url).pathname.startsWith(TEST_BASE))).toBe(true);
    expect(urls.filter((url) => /search\/data|articles\//.test(url))).toEqual([]);
    // Keys carry Workbox's `__WB_REVISION__` query: compare paths.
    const pages = urls.map((url) => new URL(url).pathname).filter((pathname) => pathname.endsWith('.html'));
    expect(pages).toEqual([`${TEST_BASE}offline/index.html`]);
    expect(SHELL_GLOBS).not.toContain('search/data/**');
  });

  it('opens a story read before, answers a search whose files were used, and shows the offline page for a story never read', async () => {
    const [read, unread] = entries.filter((entry) => !/[\u0600-\u06FF]/.test(entry.title));
    await openPage(page, `${server.url}articles/${encodeURIComponent(read!.slug)}/`);
    await openPage(page, `${server.url}search/?q=harbour`);
    const results = page.locator('#search-page-results .search-result-title');
    // With the records, which follow the links.
    const snippets = page.locator('#search-page-results .search-result-snippet');
    await snippets.first().waitFor();
    const online = await results.allTextContents();

    await context.setOffline(true);
    await openPage(page, `${server.url}articles/${encodeURIComponent(read!.slug)}/`);
    expect((await page.locator('h1').textContent())?.trim()).toBe(read!.title);

    await openPage(page, `${server.url}search/?q=harbour`);
    await snippets.first().waitFor();
    expect(await results.allTextContents()).toEqual(online);

    await openPage(page, `${server.url}articles/${encodeURIComponent(unread!.slug)}/`);
    expect(await page.locator('h1').textContent()).toMatch(/You are offline/);
    await context.setOffline(false);
  });

  it('on the search page opened with a query, registers only once the first results are shown', async () => {
    const fresh = await browser.newContext();
    const searchPage = await fresh.newPage();
    // When the results are rendered, note whether a worker was registered already.
    await searchPage.addInitScript(() => {
      addEventListener('clippings-search:rendered', () => {
        void navigator.serviceWorker.getRegistration().then((registration) => ((window as { registeredEarly?: boolean }).registeredEarly ??= !!registration));
      });
    });
    await openPage(searchPage, `${server.url}search/?q=harbour`);
    await searchPage.locator('#search-page-results .search-result-title').first().waitFor();
    await waitForWorker(searchPage);
    expect(await searchPage.evaluate(() => (window as { registeredEarly?: boolean }).registeredEarly)).toBe(false);
    await fresh.close();
  });

  it('replaces the old precache when a new build is published', async () => {
    const before = await readPrecache(page);
    expect(before.offline).toHaveLength(1);
    // A new build: the offline page changed, and the build wrote a new worker for it.
    const offlinePage = path.join(siteDir, 'offline/index.html');
    await writeFile(offlinePage, (await readFile(offlinePage, 'utf8')).replace('You are offline', 'You are offline (new build)'));
    const manifest = JSON.parse(await readFile(path.join(siteDir, 'manifest.webmanifest'), 'utf8'));
    await writeOfflineFiles(siteDir, { name: manifest.name, description: manifest.description, lang: manifest.lang, base: TEST_BASE });

    await openPage(page, server.url);
    await page.waitForFunction(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
      return true;
    });
    await expect
      .poll(async () => (await readPrecache(page)).offline, { timeout: 30_000, interval: 500 })
      .toEqual([expect.stringContaining('You are offline (new build)')]);
  });
});

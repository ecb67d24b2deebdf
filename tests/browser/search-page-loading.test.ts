/**
 * How the search page loads: its code and the index manifest carried in the
 * page, the query in the URL answered before the search box is set up, the
 * first results shown from the index's headlines, kept in place and not
 * moved as the page's other controls are set up after them.
 */
import { describe, expect, inject, it } from 'vitest';
import { openPage } from './helpers.ts';
import { TEST_BASE } from './global-setup.ts';
import { newSession, page, pageResults, searchPage, useSearchSession } from './search-session.ts';

const baseURL = inject('baseURL');
useSearchSession();

describe('search page loading', () => {
  it("carries its code and style in its head, one classic script that also runs the page's other scripts", async () => {
    const fetched: string[] = [];
    page.on('request', (request) => /\.(js|css)$/.test(new URL(request.url()).pathname) && fetched.push(new URL(request.url()).pathname));
    await searchPage('harbour');
    await pageResults().first().waitFor();
    // The theme script, then the page's own: both written into the head, neither a module.
    const head = await page
      .locator('head script:not([type])')
      .evaluateAll((tags) => tags.map((tag) => [tag.hasAttribute('src'), tag.textContent?.length ?? 0]));
    expect(head).toHaveLength(2);
    expect(head.every(([src]) => !src)).toBe(true);
    expect(head[1]![1]).toBeGreaterThan(10_000);
    expect(await page.locator('script[type="module"], link[rel="modulepreload"], link[rel="stylesheet"]').count()).toBe(0);
    expect(await page.locator('head style').count()).toBeGreaterThan(0);
    // The page is styled from what it carries.
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('Iowan Old Style');
    // The live search is not fetched for the search box either.
    await page.locator('clippings-search[data-mode="page"][data-enhanced]').waitFor();
    // The scripts it stands for ran once the page was parsed: the theme toggle and the shortcut setting are set up.
    await page.locator('[data-theme-toggle][data-enhanced]').waitFor();
    await page.locator('[data-search-shortcut][data-enhanced]').waitFor();
    // The header box loads nothing more when used, and answers from the same code.
    await page.locator('#site-search').fill('ferry');
    await page.locator('.search-panel .search-result').first().waitFor();
    expect(fetched).toEqual([]);
  });

  it('carries the index manifest in the page: its query asks for shards first, never for manifest.json', async () => {
    const data: string[] = [];
    page.on('request', (request) => request.url().includes('/search/data/') && data.push(request.url().split('/search/data/')[1]!));
    await searchPage('harbour');
    await pageResults().first().waitFor();
    expect(await page.locator('head script#search-manifest[type="application/json"] + script:not([src]):not([type])').count()).toBe(1);
    expect(await page.locator('link[rel="preload"]').count()).toBe(0);
    expect(data[0]).toMatch(/^(shards|vocabulary)\//);
    expect(data).not.toContain('manifest.json');
    // A page without it fetches it when its search box is first used.
    data.length = 0;
    await openPage(page, `${baseURL}a-z/`);
    await page.locator('#site-search').fill('ferry');
    await page.locator('.search-panel .search-result').first().waitFor();
    expect(data[0]).toBe('manifest.json');
  });

  it("sets up the page's other controls once the first results are shown, or a second after the page when they are slow", async () => {
    // When the first result link appears and the theme toggle is set up by its script, in page time.
    await page.addInitScript(() => {
      const marks = window as unknown as { resultsAt?: number; controlsAt?: number };
      new MutationObserver(() => {
        marks.resultsAt ??= document.querySelector('#search-page-results .search-result-title') ? performance.now() : undefined;
        const toggle = document.querySelector('[data-theme-toggle]');
        marks.controlsAt ??= toggle?.hasAttribute('data-enhanced') ? performance.now() : undefined;
      }).observe(document, { childList: true, subtree: true, attributes: true });
    });
    await searchPage('harbour');
    await expect.poll(() => page.evaluate(() => (window as { controlsAt?: number }).controlsAt)).toBeGreaterThan(0);
    const { resultsAt, controlsAt } = await page.evaluate(() => {
      const marks = window as unknown as { resultsAt: number; controlsAt: number };
      return { resultsAt: marks.resultsAt, controlsAt: marks.controlsAt };
    });
    expect(resultsAt).toBeGreaterThan(0);
    expect(controlsAt).toBeGreaterThanOrEqual(resultsAt);

    // The index never answers: the controls still come, about a second after the page.
    await newSession();
    await page.route('**/search/data/shards/**', () => undefined);
    await searchPage('harbour');
    await page.locator('[data-theme-toggle][data-enhanced]').waitFor({ timeout: 5_000 });
    await page.locator('clippings-search[data-mode="page"][data-enhanced]').waitFor({ timeout: 5_000 });
    expect(await pageResults().count()).toBe(0);
  });

  it('starts the query in the URL and shows its results from the page itself, before the search box element is set up', async () => {
    // A stand-in element defined first: the search box's own never upgrades, so nothing but the
    // page's script can have asked for the shards and records of the query, and shown them.
    await page.addInitScript(() => customElements.define('clippings-search', class extends HTMLElement {}));
    const records: string[] = [];
    page.on('request', (request) => request.url().includes('/search/data/docs/') && records.push(request.url()));
    await searchPage('harbour');
    await expect.poll(() => records.length, { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => pageResults().count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await pageResults().first().locator('.search-result-title').getAttribute('href')).toMatch(/\/articles\//);
    expect(await page.locator('#search-page-results .search-status').textContent()).toMatch(/matches? “harbour”/);
    expect(await page.locator('#search-page-input').inputValue()).toBe('harbour');
    expect(await page.locator('clippings-search[data-enhanced]').count()).toBe(0);
    // The script that does it is a classic one written into the head: it runs as it is parsed, before the first paint.
    expect(await page.locator('head script#search-manifest + script:not([src]):not([type])').count()).toBe(1);
  });

  it('keeps the results it shows attached as the answer completes, rather than inserting them again', async () => {
    // The page's script shows the first results; the search box, once set up, shows the same answer
    // again. A result inserted a second time is laid out and painted anew.
    await page.addInitScript(() => {
      const marks = window as unknown as { reinserted: string[]; rendered: boolean };
      marks.reinserted = [];
      marks.rendered = false;
      const inserted = new WeakSet<Node>();
      new MutationObserver((records) => {
        for (const node of records.flatMap((record) => [...record.addedNodes])) {
          if (!(node instanceof HTMLLIElement)) continue;
          if (inserted.has(node)) marks.reinserted.push(node.textContent ?? '');
          inserted.add(node);
        }
      }).observe(document, { childList: true, subtree: true });
      addEventListener('clippings-search:rendered', () => (marks.rendered = true));
    });
    await searchPage('port alder');
    await expect.poll(() => page.evaluate(() => (window as unknown as { rendered: boolean }).rendered)).toBe(true);
    expect(await pageResults().count()).toBeGreaterThan(1);
    expect(await page.evaluate(() => (window as unknown as { reinserted: string[] }).reinserted)).toEqual([]);
  });

  it("does not move the first results as the page's controls are set up", async () => {
    // Where the first result is when it is shown, and where it is once the page's scripts have run.
    await page.addInitScript(() => {
      const marks = window as unknown as { shownAt?: number };
      new MutationObserver((_, observer) => {
        const first = document.querySelector('#search-page-results .search-result');
        if (!first) return;
        marks.shownAt = first.getBoundingClientRect().top;
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await searchPage('port alder');
    await page.locator('[data-theme-toggle][data-enhanced]').waitFor();
    await page.locator('clippings-search[data-mode="page"][data-enhanced]').waitFor();
    // Measured once the records are in: the results shown from headlines are replaced then.
    await pageResults().first().locator('.search-result-snippet').waitFor();
    const shownAt = await page.evaluate(() => (window as unknown as { shownAt?: number }).shownAt);
    expect(shownAt).toBeGreaterThan(0);
    expect(
      await pageResults()
        .first()
        .evaluate((item) => item.getBoundingClientRect().top),
    ).toBe(shownAt);
  });

  it('shows result links from the headlines in the index before the records arrive, then their snippets, keeping focus', async () => {
    // The stories with "rovers" have it in their headline: the shards carry those headlines.
    let held = 0;
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/search/data/docs/**', async (route) => {
      held += 1;
      await released;
      await route.continue();
    });
    await searchPage('rovers');
    const link = pageResults().first().locator('.search-result-title');
    await link.waitFor();
    await expect.poll(() => held).toBeGreaterThan(0);
    expect(await link.textContent()).toContain('Millbrook Rovers');
    const href = await link.getAttribute('href');
    expect(href).toMatch(new RegExp(`^${TEST_BASE}articles/[^/]+/$`));
    expect(await page.locator('#search-page-results .search-result-snippet').count()).toBe(0);
    expect(await page.locator('#search-page-results .search-status').textContent()).toMatch(/^\d+ stor(y|ies) match(es)? “rovers”/);
    // The reader is on the result when its record arrives: the result is shown again, focus stays on it.
    await link.focus();
    release();
    await pageResults().first().locator('.search-result-snippet').waitFor();
    expect(await link.getAttribute('href')).toBe(href);
    expect(await page.evaluate(() => document.activeElement?.closest('.search-result') !== null)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`${href}$`));
    expect(await page.locator('h1').textContent()).toContain('Millbrook Rovers');
  });
});

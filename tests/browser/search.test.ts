/**
 * A reader searches the built sample site: live results with highlights,
 * the query in the URL, keyboard use, story text shown as text, and axe.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { launchBrowser, openPage } from './helpers.ts';
import { TEST_BASE } from './global-setup.ts';

const baseURL = inject('baseURL');
let browser: Browser;
let context: BrowserContext;
let page: Page;
let dialogs: string[];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());
beforeEach(async () => {
  await context?.close();
  context = await browser.newContext();
  page = await context.newPage();
  dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});

const pageResults = () => page.locator('#search-page-results .search-result');
const searchPage = (query: string) => openPage(page, `${baseURL}search/?q=${encodeURIComponent(query)}`);

describe('header search box', () => {
  it('shows highlighted results as the reader types, and Enter on a result opens it', async () => {
    await openPage(page, baseURL);
    await page.locator('#site-search').click();
    await page.locator('#site-search').pressSequentially('harbo');
    const first = page.locator('.search-panel .search-result').first();
    await first.waitFor();
    expect(await page.locator('.search-panel .search-result mark').first().textContent()).toMatch(/^harbou?r/i);
    const title = await first.locator('.search-result-title').textContent();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('search-result-title');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/articles\/[^/]+\/$/);
    expect(await page.locator('h1').textContent()).toBe(title);
  });

  it('submits to the search page without JavaScript', async () => {
    const plain = await browser.newContext({ javaScriptEnabled: false });
    const noScript = await plain.newPage();
    await openPage(noScript, baseURL);
    await noScript.locator('#site-search').fill('ferry');
    await noScript.locator('#site-search').press('Enter');
    await noScript.waitForURL(/\/search\/\?q=ferry$/);
    expect(await noScript.locator('noscript').count()).toBe(1);
    // No control that needs the script shows.
    for (const control of ['[data-theme-toggle]', '.search-filters', '.search-shortcut']) {
      expect(await noScript.locator(control).isVisible()).toBe(false);
    }
    await plain.close();
  });
});

describe('related stories', () => {
  it('lists up to five other stories after a story, each a working link', async () => {
    await searchPage('pedestrianise');
    await pageResults().first().waitFor();
    await pageResults().first().locator('.search-result-title').click();
    await page.waitForURL(/\/articles\/[^/]+\/$/);
    const links = page.locator('.related-stories a');
    const count = await links.count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(5);
    const href = (await links.first().getAttribute('href'))!;
    expect(href).not.toBe(new URL(page.url()).pathname);
    expect(await openPage(page, new URL(href, baseURL).href)).toBe(200);
  });
});

describe('search page', () => {
  it('restores a search from ?q= with count, headline, subtitle and snippet', async () => {
    await searchPage('harbour street');
    await pageResults().first().waitFor();
    expect(await page.locator('#search-page-input').inputValue()).toBe('harbour street');
    expect(await page.locator('#search-page-results .search-status').textContent()).toMatch(/^\d+ stor(y|ies) match/);
    const first = pageResults().first();
    expect(await first.locator('.search-result-title').textContent()).toContain('Harbour Street');
    // The link can show from the headline in the index; the snippet follows with the record.
    await first.locator('.search-result-snippet mark').first().waitFor();
    expect(await first.locator('.search-result-title').getAttribute('href')).toMatch(new RegExp(`^${TEST_BASE}articles/[^/]+/$`));
  });

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
    await context.close();
    context = await browser.newContext();
    page = await context.newPage();
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

  it('keeps the query in the URL, and the back button returns to the previous search', async () => {
    await searchPage('ferry');
    await pageResults().first().waitFor();
    await page.locator('#search-page-input').fill('drones');
    await expect.poll(() => page.url()).toMatch(/\/search\/\?q=drones$/);
    await expect.poll(() => pageResults().first().textContent()).toMatch(/Drones/);
    await page.goBack();
    await expect.poll(() => page.url()).toMatch(/\/search\/\?q=ferry$/);
    await expect.poll(() => page.locator('#search-page-input').inputValue()).toBe('ferry');
    await expect.poll(() => pageResults().first().textContent()).toMatch(/Ferry/);
  });

  it('puts the query in the address once typing pauses, and before a result typed to is followed', async () => {
    await page.addInitScript(() => {
      const calls: string[] = [];
      (window as unknown as { historyCalls: string[] }).historyCalls = calls;
      for (const name of ['pushState', 'replaceState'] as const) {
        const original = history[name].bind(history);
        history[name] = (...args: Parameters<History['pushState']>) => {
          calls.push(name);
          original(...args);
        };
      }
    });
    await searchPage('ferry');
    await pageResults().first().waitFor();
    // Typing quickly changes the address when it pauses, not on each of the nine letters; the first
    // change after a search is a new entry.
    await page.locator('#search-page-input').press('End');
    await page.locator('#search-page-input').pressSequentially(' terminal');
    await expect.poll(() => page.url()).toMatch(/\/search\/\?q=ferry\+terminal$/);
    const calls = await page.evaluate(() => (window as unknown as { historyCalls: string[] }).historyCalls);
    expect(calls[0]).toBe('pushState');
    expect(calls.length).toBeLessThan(3);
    // Followed at once, before the pause: Back still finds what was typed.
    await page.locator('#search-page-input').fill('drones');
    await expect.poll(() => pageResults().first().textContent()).toMatch(/Drones/);
    await pageResults().first().locator('.search-result-title').click();
    await page.waitForURL(/\/articles\//);
    await page.goBack();
    await expect.poll(() => page.url()).toMatch(/\/search\/\?q=drones$/);
    await page.goBack();
    await expect.poll(() => page.url()).toMatch(/\/search\/\?q=ferry$/);
  });

  it('moves through results with the arrow keys and back to the box', async () => {
    await searchPage('port alder');
    await pageResults().nth(1).waitFor();
    await page.locator('#search-page-input').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const focused = () => page.evaluate(() => document.activeElement?.textContent);
    expect(await focused()).toBe(await pageResults().nth(1).locator('.search-result-title').textContent());
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-page-input');
  });

  it('focuses the box on "/", never while typing in a field, and lets the reader turn it off', async () => {
    await searchPage('');
    await page.locator('body').click();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-page-input');
    expect(await page.locator('#search-page-input').inputValue()).toBe('');
    await page.locator('#search-page-input').fill('a/b');
    expect(await page.locator('#search-page-input').inputValue()).toBe('a/b');
    await page.locator('[data-search-shortcut]').uncheck();
    await page.locator('body').click();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).not.toBe('search-page-input');
  });

  it('shows markup in a story as text: no script runs, no element is made', async () => {
    await searchPage('onerror');
    await pageResults().first().waitFor();
    const result = pageResults().first();
    expect(await result.locator('.search-result-title').textContent()).toContain('<script>');
    // The match lies past the record's opening: the snippet fills in from the whole text, as text.
    await expect.poll(() => result.locator('.search-result-snippet').textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('#search-page-results img, #search-page-results script').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('finds exact phrases with straight or curly quotes', async () => {
    await searchPage('"harbour street"');
    await pageResults().first().waitFor();
    const straight = await pageResults().allTextContents();
    await searchPage('“harbour street”');
    await pageResults().first().waitFor();
    expect(await pageResults().allTextContents()).toEqual(straight);
    expect(await page.locator('#search-page-results .search-result-title mark').first().textContent()).toMatch(/harbour/i);
  });

  it('finds Arabic text with or without diacritics and the article', async () => {
    await searchPage('المنازل');
    await pageResults().first().waitFor();
    expect(await pageResults().first().getAttribute('dir')).toBe('auto');
    await searchPage('منازل');
    await expect.poll(() => pageResults().count()).toBeGreaterThan(0);
  });

  it('offers a correction when nothing matches a misspelt word', async () => {
    await searchPage('fery');
    await expect.poll(() => page.locator('#search-page-results .search-status').textContent()).toMatch(/No stories match “fery”/);
    expect(await page.locator('.search-help').textContent()).toBe('Did you mean ferry?');
    await page.locator('.search-help a').click();
    await page.waitForURL(/q=ferry/);
    await pageResults().first().waitFor();
  });

  it('lists the words that match alone when no story has them all', async () => {
    await searchPage('xqzzv harbour');
    await expect.poll(() => page.locator('.search-help').textContent()).toMatch(/^No story has all of these words\. Try one: harbour \(\d+\)$/);
  });

  it('passes an axe check with results shown', async () => {
    await searchPage('harbour');
    await pageResults().first().waitFor();
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`)).toEqual([]);
  });
});

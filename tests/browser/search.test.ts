/**
 * A reader searches the built sample site: live results with highlights,
 * the query in the URL, keyboard use, story text shown as text, and axe.
 */
import { describe, expect, inject, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import { openPage } from './helpers.ts';
import { TEST_BASE } from './global-setup.ts';
import { browser, dialogs, page, pageResults, searchPage, useSearchSession } from './search-session.ts';

const baseURL = inject('baseURL');
useSearchSession();

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

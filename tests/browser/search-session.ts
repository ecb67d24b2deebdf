/**
 * The browser session the search tests share: one browser for the file, a
 * fresh context and page for each test, dialogs recorded (story text must
 * never open one). The bindings are live: a test reads `page` as it is now.
 */
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage } from './helpers.ts';

export let browser: Browser;
export let context: BrowserContext | undefined;
export let page: Page;
/** Messages of the dialogs the current page tried to open. */
export let dialogs: string[];

/** Register the hooks: call once, at the top of a test file. */
export function useSearchSession(): void {
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());
  beforeEach(newSession);
}

/** A fresh context and page, in place of the current ones. */
export async function newSession(): Promise<void> {
  await context?.close();
  context = await browser.newContext();
  page = await context.newPage();
  dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
}

/** The results the search page shows. */
export const pageResults = () => page.locator('#search-page-results .search-result');

/** Open the search page at a query. */
export const searchPage = (query: string) => openPage(page, `${inject('baseURL')}search/?q=${encodeURIComponent(query)}`);

/**
 * What `bench:search` measures in Chromium, the same way for our search page
 * and for Pagefind on a minimal page: a cold page (fresh browser context, no
 * cache) opened at a query's URL, timed from navigation (the Performance API's
 * time origin) to when result links are first on screen (their paint, as
 * Element Timing reports it); and the bytes on the wire (encoded, so gzipped
 * where the server gzips).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';

/** Result links, on our search page and on the Pagefind page alike. */
const RESULT_LINK = 'a.search-result-title';

/** What one cold query cost. */
export interface ColdQuery {
  query: string;
  /** Navigation → the first result links painted (Element Timing's render time). */
  ms: number;
  /** Navigation → the start of the frame that paints them (`requestAnimationFrame`), as timed before. */
  frameMs: number;
  /** Navigation → the results complete (our snippets filled; Pagefind: its five results' data rendered), at the start of that frame. */
  completeMs: number;
  requests: number;
  /** Bytes received, as sent (gzipped where served gzipped), every request of the page. */
  bytes: number;
  /** Of which the search code and search files (not the page, its CSS or the site's other scripts). */
  searchBytes: number;
  /** Result links shown. */
  links: number;
  /** The page's requests until the first results: path, request start and response end (ms from navigation). */
  waterfall: { path: string; start: number; end: number }[];
}

/**
 * Pagefind through its JavaScript API on a minimal page: search, load the
 * first five results' data, show them as links with their excerpt.
 */
const PAGEFIND_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pagefind</title></head>
<body><ol id="results"></ol>
<script type="module">
const query = new URLSearchParams(location.search).get('q') ?? '';
const pagefind = await import('/pagefind/pagefind.js');
const search = await pagefind.search(query);
const data = await Promise.all(search.results.slice(0, 5).map((result) => result.data()));
const list = document.getElementById('results');
for (const result of data) {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.className = 'search-result-title';
  link.href = result.url;
  link.textContent = result.meta.title ?? result.url;
  const excerpt = document.createElement('p');
  excerpt.innerHTML = result.excerpt;
  item.append(link, excerpt);
  list.append(item);
}
requestAnimationFrame(() => (window.__complete = performance.now()));
</script></body></html>
`;

/**
 * Write the Pagefind page beside Pagefind's files (served at `/pagefind/`).
 *
 * @param pagefindDir Pagefind's output folder.
 * @returns The page's file name.
 */
export function writePagefindPage(pagefindDir: string): string {
  writeFileSync(path.join(pagefindDir, 'bench.html'), PAGEFIND_PAGE);
  return 'bench.html';
}

// Runs in the page before its own scripts: note when result links are first painted, the start of
// that frame, and when the results are complete. Each mark is sent to the benchmark as a console
// message (`MARK_MESSAGE`), so nothing of the benchmark runs in the page while it loads. Read with
// `page.evaluate` instead, the first reading made Playwright compile its utility script on the
// page's thread right after the navigation: 15–35 ms, in the middle of our page's work and of
// Pagefind's alike (measured in DESIGN.md, "Benchmarks", eleventh pass).
//
// The paint is Element Timing's: links (and the element holding each, where inline text is
// counted) are marked `elementtiming` as they are inserted, before their frame, and the first
// entry's render time is when a link's text reached the screen. A `requestAnimationFrame` callback
// runs at the start of that frame, before its style, layout and paint: on a page laid out for the
// first time (our search page, its fonts looked up) that start came 40–100 ms before the paint,
// against 15–35 ms on Pagefind's minimal page, so timing it flattered the heavier page.
function watchForResults([selector, message]: readonly [string, string]): void {
  const markable = (name: string) => {
    let value: number | undefined;
    Object.defineProperty(window, name, {
      get: () => value,
      set: (next: number) => {
        if (value !== undefined) return;
        value = next;
        console.debug(message, name, next);
      },
    });
  };
  const marks = window as unknown as Record<string, number>;
  markable('__firstResults');
  markable('__firstFrame');
  markable('__complete');
  new PerformanceObserver((entries) => {
    const [first] = entries.getEntries() as (PerformanceEntry & { renderTime: number })[];
    if (first) marks.__firstResults = first.renderTime || first.startTime;
  }).observe({ type: 'element', buffered: true });
  // Only the first links shown count: once they are marked, the watcher stops, as it did before.
  new MutationObserver((_, observer) => {
    const links = document.querySelectorAll(selector);
    if (links.length === 0) return;
    observer.disconnect();
    requestAnimationFrame(() => (marks.__firstFrame = performance.now()));
    for (const link of links) {
      for (const element of [link, link.parentElement, ...link.querySelectorAll('*')]) element?.setAttribute('elementtiming', 'search-result');
    }
  }).observe(document, { childList: true, subtree: true });
  addEventListener('clippings-search:rendered', () => requestAnimationFrame(() => (marks.__complete = performance.now())));
}

/** The console message that carries a mark: the message, the mark's name, its milliseconds. */
const MARK_MESSAGE = 'clippings-bench-mark';

type MarkName = '__firstResults' | '__firstFrame' | '__complete';

/** The marks `watchForResults` sends from a page, each a promise (two minutes at most). */
function marksOf(page: Page): Record<MarkName, Promise<number>> {
  const resolvers = new Map<string, (ms: number) => void>();
  const marks = Object.fromEntries(
    (['__firstResults', '__firstFrame', '__complete'] as const).map((name) => {
      const mark = new Promise<number>((resolve) => resolvers.set(name, resolve));
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`bench:search: no ${name} after 120 s`)), 120_000).unref());
      return [name, Promise.race([mark, timeout])];
    }),
  ) as Record<MarkName, Promise<number>>;
  for (const mark of Object.values(marks)) mark.catch(() => undefined);
  page.on('console', (message) => {
    const [tag, name, ms] = message.text().split(' ');
    if (tag === MARK_MESSAGE && name) resolvers.get(name)?.(Number(ms));
  });
  return marks;
}

/**
 * Open a page cold at a query URL and time it.
 *
 * @param url The page with its query.
 * @param query The query (for the report).
 * @param isSearchFile Whether a URL is search code or data, counted apart.
 */
export async function measureColdQuery(browser: Browser, url: string, query: string, isSearchFile: (url: string) => boolean): Promise<ColdQuery> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await page.addInitScript(watchForResults, [RESULT_LINK, MARK_MESSAGE] as const);
  const marks = marksOf(page);
  // Sized once the page is measured: asked for as each request finished, the sizes cost both pages
  // 10–14 ms of the browser's time while they loaded.
  const requests: Request[] = [];
  page.on('requestfinished', (request) => requests.push(request));
  await page.goto(url, { waitUntil: 'commit' });
  const [ms, frameMs, completeMs] = await Promise.all([marks.__firstResults, marks.__firstFrame, marks.__complete]);
  const links = await page.locator(RESULT_LINK).count();
  const waterfall = await page.evaluate((until) => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceResourceTiming;
    const entries = [navigation, ...(performance.getEntriesByType('resource') as PerformanceResourceTiming[])];
    return entries
      .filter((entry) => entry.startTime <= until)
      .map((entry) => ({ path: new URL(entry.name).pathname, start: Math.round(entry.requestStart || entry.startTime), end: Math.round(entry.responseEnd) }));
  }, ms);
  await page.waitForLoadState('networkidle').catch(() => undefined);
  const finished = await Promise.all(
    requests.map(async (request) => {
      const size = await request.sizes();
      return { url: request.url(), bytes: size.responseBodySize + size.responseHeadersSize };
    }),
  );
  await context.close();
  return {
    query,
    ms,
    frameMs,
    completeMs,
    requests: finished.length,
    bytes: finished.reduce((sum, entry) => sum + entry.bytes, 0),
    searchBytes: finished.filter((entry) => isSearchFile(entry.url)).reduce((sum, entry) => sum + entry.bytes, 0),
    links,
    waterfall,
  };
}

/** Wait for our search page to render a query (the `clippings-search:rendered` event), returning its milliseconds. */
function rendered(page: Page, query: string): Promise<number> {
  return page.evaluate(
    (wanted) =>
      new Promise<number>((resolve) =>
        addEventListener('clippings-search:rendered', (event) => {
          const detail = (event as CustomEvent<{ query: string; ms: number }>).detail;
          if (detail.query === wanted) resolve(detail.ms);
        }),
      ),
    query,
  );
}

/**
 * Later keystrokes: with a word's first five letters searched, each further
 * letter, from the input event to the rendered results.
 *
 * @param baseURL The site.
 * @param word A word of six letters or more.
 * @returns Milliseconds of each letter after the fifth.
 */
export async function measureKeystrokes(browser: Browser, baseURL: string, word: string): Promise<number[]> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await page.goto(`${baseURL}search/`, { waitUntil: 'load' });
  await page.waitForSelector('clippings-search[data-enhanced]');
  const times: number[] = [];
  for (let length = 5; length <= word.length; length++) {
    const text = word.slice(0, length);
    const done = rendered(page, text);
    await page.locator('#search-page-input').fill(text);
    const ms = await done;
    if (length > 5) times.push(ms);
  }
  await context.close();
  return times;
}

/**
 * JavaScript memory (heap and array buffers, after garbage collection) after
 * a reading session of many different searches in one page.
 *
 * @param baseURL The site.
 * @param words The searches, one after another.
 * @returns Megabytes.
 */
export async function measureSession(browser: Browser, baseURL: string, words: readonly string[]): Promise<number> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await page.goto(`${baseURL}search/`, { waitUntil: 'load' });
  await page.waitForSelector('clippings-search[data-enhanced]');
  for (const word of words) {
    const done = rendered(page, word);
    await page.locator('#search-page-input').fill(word);
    await done;
  }
  const session = await context.newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const usage = (await session.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
  await context.close();
  return (usage.usedSize + (usage.backingStorageSize ?? 0)) / 1e6;
}

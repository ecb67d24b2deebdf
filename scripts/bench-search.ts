/**
 * Search benchmark: generate archives, build the site (our sharded MiniSearch
 * index is written by the build), run Pagefind over the same story pages, and
 * measure both in headless Chromium: bytes fetched (raw and gzipped, as a
 * static host would serve them) and time to first results for a cold
 * one-word and two-word query, later keystrokes, index size on disk, and the
 * page's JavaScript heap.
 *
 *   npm run bench:search                        # 1k and 10k stories
 *   npm run bench:search -- --sizes 100000      # any sizes, comma-separated
 *   npm run bench:search -- --reuse             # keep built sites from an earlier run
 *   npm run bench:search -- --skip-pagefind     # ours only
 *   npm run bench:search -- --sizes 100000 --articles .bench/build/100000/articles   # reuse ingested entries
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { buildSite, launchBrowser, ROOT, run, serveDir } from '../tests/browser/helpers.ts';

const NODE = path.join(ROOT, 'node_modules/.bin/node');
const WORK = path.join(ROOT, '.bench/search');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    reuse: { type: 'boolean', default: false },
    // Pagefind needs gigabytes to index 10k pages; at 100k it may not fit beside other work,
    // so its address space is capped (it then fails cleanly and is reported as failed).
    'skip-pagefind': { type: 'boolean', default: false },
    'pagefind-max-gb': { type: 'string', default: '10' },
    // Entries already ingested (e.g. by bench:build, same generator and seed): skip generating and ingesting.
    articles: { type: 'string' },
    // Each cold query and keystroke series runs this many times in fresh pages; the median is reported.
    runs: { type: 'string', default: '3' },
    one: { type: 'string', default: 'hospital' },
    two: { type: 'string', default: 'election hospital' },
  },
});

/** What one query cost in the browser. */
interface QueryMeasure {
  query: string;
  ms: number;
  requests: number;
  bytes: number;
  gzipBytes: number;
  results: number;
  heapMB: number;
}

/** Bytes of every file below a folder, and the number of files. */
function sizeOf(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  if (!existsSync(dir)) return { bytes, files };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
    files++;
  }
  return { bytes, files };
}

/** Count what a page fetches from the moment this is called. */
function countRequests(page: Page, keep: (url: string) => boolean) {
  const counted = { requests: 0, bytes: 0, gzipBytes: 0 };
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    if (!keep(response.url())) return;
    pending.push(
      response
        .body()
        .then((body) => {
          counted.requests++;
          counted.bytes += body.length;
          counted.gzipBytes += gzipSync(body).length;
        })
        .catch(() => undefined),
    );
  });
  return async () => {
    await Promise.all(pending);
    return counted;
  };
}

/** The page's JavaScript memory after garbage collection: heap, plus array buffers (typed postings live there). */
async function heapMB(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const usage = (await session.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
  return (usage.usedSize + (usage.backingStorageSize ?? 0)) / 1e6;
}

/** Our search, cold: open the search page, type the query at once, wait for results. */
async function measureOurs(browser: Browser, baseURL: string, query: string): Promise<QueryMeasure> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const done = countRequests(page, (url) => url.includes('/search/data/') || /\/_astro\/.*\.js$/.test(url));
  await page.goto(`${baseURL}search/`, { waitUntil: 'load' });
  await page.waitForSelector('clippings-search[data-enhanced]');
  const rendered = page.evaluate(
    (wanted) =>
      new Promise<{ ms: number; shown: number }>((resolve) =>
        addEventListener('clippings-search:rendered', (event) => {
          const detail = (event as CustomEvent<{ query: string; ms: number; shown: number }>).detail;
          if (detail.query === wanted) resolve(detail);
        }),
      ),
    query,
  );
  await page.locator('#search-page-input').fill(query);
  const { ms, shown } = await rendered;
  const counted = await done();
  const measure = { query, ms, ...counted, results: shown, heapMB: await heapMB(page) };
  await context.close();
  return measure;
}

/** Later keystrokes: with a word's shards loaded, each further letter of it. */
async function measureKeystrokes(browser: Browser, baseURL: string, word: string): Promise<number[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${baseURL}search/`, { waitUntil: 'load' });
  await page.waitForSelector('clippings-search[data-enhanced]');
  const times: number[] = [];
  for (let length = 5; length <= word.length; length++) {
    const text = word.slice(0, length);
    const rendered = page.evaluate(
      (wanted) =>
        new Promise<number>((resolve) =>
          addEventListener('clippings-search:rendered', (event) => {
            const detail = (event as CustomEvent<{ query: string; ms: number }>).detail;
            if (detail.query === wanted) resolve(detail.ms);
          }),
        ),
      text,
    );
    await page.locator('#search-page-input').fill(text);
    const ms = await rendered;
    if (length > 5) times.push(ms);
  }
  await context.close();
  return times;
}

/** Twenty common words, searched one after another in one page. */
const SESSION_WORDS =
  'minister president police officials government country security military council public national party report water health school market prices workers members'.split(' ');

/** JavaScript memory after a reading session of many different searches (the caches' bounds at work). */
async function measureSession(browser: Browser, baseURL: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${baseURL}search/`, { waitUntil: 'load' });
  await page.waitForSelector('clippings-search[data-enhanced]');
  for (const word of SESSION_WORDS) {
    const rendered = page.evaluate(
      (wanted) =>
        new Promise<void>((resolve) =>
          addEventListener('clippings-search:rendered', (event) => {
            if ((event as CustomEvent<{ query: string }>).detail.query === wanted) resolve();
          }),
        ),
      word,
    );
    await page.locator('#search-page-input').fill(word);
    await rendered;
  }
  const memory = await heapMB(page);
  await context.close();
  return memory;
}

/** Pagefind, cold, through its JavaScript API: load it, search, load the first ten results' data. */
async function measurePagefind(browser: Browser, baseURL: string, query: string): Promise<QueryMeasure> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${baseURL}search/`, { waitUntil: 'load' });
  const done = countRequests(page, (url) => url.includes('/pagefind/'));
  const { ms, shown } = await page.evaluate(async (text) => {
    const started = performance.now();
    const pagefind = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
    const search = await pagefind.search(text);
    const data = await Promise.all(search.results.slice(0, 10).map((result: { data: () => Promise<unknown> }) => result.data()));
    return { ms: performance.now() - started, shown: data.length };
  }, query);
  const counted = await done();
  const measure = { query, ms, ...counted, results: shown, heapMB: await heapMB(page) };
  await context.close();
  return measure;
}

/** Run a command under GNU time: wall seconds and peak resident MB. */
function timed(command: string, args: string[]): { seconds: number; peakMB: number; ok: boolean } {
  const timeFile = path.join(WORK, 'time.txt');
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', '-o', timeFile, command, ...args], { cwd: ROOT, stdio: 'ignore' });
  const [seconds = '0', kb = '0'] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-2);
  return { seconds: Number(seconds), peakMB: Number(kb) / 1024, ok: result.status === 0 };
}

/** The run with the median time, of several cold runs. */
async function medianOf(measure: () => Promise<QueryMeasure>): Promise<QueryMeasure> {
  const runs: QueryMeasure[] = [];
  for (let i = 0; i < Number(values.runs); i++) runs.push(await measure());
  return runs.sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)]!;
}

/** The median of each keystroke's time over several series. */
async function medianKeystrokes(measure: () => Promise<number[]>): Promise<number[]> {
  const series: number[][] = [];
  for (let i = 0; i < Number(values.runs); i++) series.push(await measure());
  return series[0]!.map((_, k) => series.map((times) => times[k]!).sort((a, b) => a - b)[Math.floor(series.length / 2)]!);
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1e3).toFixed(1)} KB`;

async function benchSize(stories: number): Promise<void> {
  const dir = path.join(WORK, String(stories));
  const dist = path.join(dir, 'dist');
  mkdirSync(dir, { recursive: true });
  if (!values.reuse || !existsSync(path.join(dist, 'search/data/manifest.json'))) {
    const started = performance.now();
    if (values.articles) {
      console.log(`bench:search: building ${stories} stories from ${values.articles}…`);
      await run(NODE, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
        CLIPPINGS_ARTICLES_DIR: path.resolve(values.articles),
        CLIPPINGS_OUT_DIR: dist,
        CLIPPINGS_CACHE_DIR: path.join(dir, 'cache'),
        ASTRO_TELEMETRY_DISABLED: '1',
      });
    } else {
      console.log(`bench:search: generating and building ${stories} stories…`);
      await run(NODE, ['scripts/generate-archive.ts', '--articles', String(stories), '--out', path.join(dir, 'raw')]);
      await buildSite(path.join(dir, 'raw'), dir);
    }
    console.log(`bench:search: site built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  const pagefind = values['skip-pagefind']
    ? { seconds: 0, peakMB: 0, ok: false }
    : timed('/usr/bin/prlimit', [
        `--as=${Number(values['pagefind-max-gb']) * 2 ** 30}`,
        path.join(ROOT, 'node_modules/.bin/pagefind'),
        ...['--site', dist, '--glob', 'articles/**/*.html', '--root-selector', 'article', '--quiet'],
      ]);
  const ours = sizeOf(path.join(dist, 'search/data'));
  const records = sizeOf(path.join(dist, 'search/data/docs'));
  const theirs = sizeOf(path.join(dist, 'pagefind'));
  const server = await serveDir(dist);
  const browser = await launchBrowser();
  try {
    const rows: [string, QueryMeasure][] = [];
    for (const query of [values.one, values.two]) {
      rows.push(['MiniSearch shards', await medianOf(() => measureOurs(browser, server.url, query))]);
      if (pagefind.ok) rows.push(['Pagefind', await medianOf(() => measurePagefind(browser, server.url, query))]);
    }
    const keystrokes = await medianKeystrokes(() => measureKeystrokes(browser, server.url, values.one));
    const session = await measureSession(browser, server.url);
    const report = { stories, ours, records, pagefind: { ...pagefind, ...theirs }, rows, keystrokes, sessionMB: session };
    writeFileSync(path.join(dir, 'report.json'), JSON.stringify(report, null, 2));
    console.log(`\n${stories.toLocaleString('en')} stories (medians of ${values.runs} cold runs; load average ${loadavg()[0]!.toFixed(1)})`);
    console.log(`  index on disk: ours ${mb(ours.bytes - records.bytes)} index + ${mb(records.bytes)} story records (${ours.files} files);` +
      (values['skip-pagefind'] ? ' Pagefind skipped' : ` Pagefind ${mb(theirs.bytes)} (${theirs.files} files), indexed in ${pagefind.seconds} s at ${pagefind.peakMB.toFixed(0)} MB peak${pagefind.ok ? '' : ` (FAILED within ${values['pagefind-max-gb']} GB)`}`));
    console.log('  engine             query                 first results  requests  bytes (gzip)          results  JS memory');
    for (const [engine, row] of rows) {
      console.log(
        `  ${engine.padEnd(18)} ${JSON.stringify(row.query).padEnd(21)} ${`${row.ms.toFixed(0)} ms`.padStart(13)}  ${String(row.requests).padStart(8)}  ` +
          `${kb(row.bytes).padStart(9)} (${kb(row.gzipBytes).padStart(9)})  ${String(row.results).padStart(7)}  ${row.heapMB.toFixed(1)} MB`,
      );
    }
    console.log(`  later keystrokes (each further letter of ${JSON.stringify(values.one)}): ${keystrokes.map((ms) => `${ms.toFixed(1)} ms`).join(', ')}`);
    console.log(`  JS memory after ${SESSION_WORDS.length} different searches in one page: ${session.toFixed(1)} MB`);
  } finally {
    await browser.close();
    await server.close();
  }
}

mkdirSync(WORK, { recursive: true });
for (const size of values.sizes.split(',').map(Number)) await benchSize(size);

/**
 * Search benchmark: ours against Pagefind, as a new reader meets them. For
 * each archive (the generator's small vocabulary, and a Zipf vocabulary of
 * 60,000 words) and size, build the site, index it with Pagefind too, serve
 * both gzipped as a static host would, and open cold pages at a query's URL:
 * our `/search/?q=…`, and Pagefind's JavaScript API on a minimal page that
 * loads its first five results' data. Each is timed from navigation to the
 * paint of the result links (scripts/bench/search-timing.ts). Also:
 * bytes on the wire, later keystrokes, memory after a session, files on disk.
 *
 *   npm run bench:search                                   # both archives, 1k and 10k stories
 *   npm run bench:search -- --sizes 100000 --archives zipf # any sizes and archives
 *   npm run bench:search -- --reuse                        # keep sites built by an earlier run
 *   npm run bench:search -- --skip-pagefind                # ours only
 *   npm run bench:search -- --reuse --label main           # a site kept in .bench/search/<archive>-<size>-main/
 *   npm run bench:search -- --reuse --waterfall            # and each query's requests, from navigation
 *   npm run bench:search -- --sizes 100000 --archives zipf --search-only   # search page and files only
 *
 * Generated archives and their entries are kept in .bench/search/ and reused
 * (the generator is deterministic); the site is rebuilt unless `--reuse`,
 * Pagefind's index is kept unless `--fresh-pagefind`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { STOPWORDS } from '../src/lib/search/format/stopwords.ts';
import { INLINE_MANIFEST_ID, inlineManifestBlock } from '../src/lib/search/format/inline-manifest.ts';
import { launchBrowser, ROOT, run } from '../tests/browser/helpers.ts';
import { zipfVocabularyOf } from './bench/generate-dumps.ts';
import { serveStatic } from '../tests/browser/static-server.ts';
import { measureColdQuery, measureKeystrokes, measureSession, writePagefindPage, type ColdQuery } from './bench/search-timing.ts';

const NODE = path.join(ROOT, 'node_modules/.bin/node');
const WORK = path.join(ROOT, '.bench/search');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    archives: { type: 'string', default: 'small,zipf' },
    reuse: { type: 'boolean', default: false },
    'skip-pagefind': { type: 'boolean', default: false },
    'fresh-pagefind': { type: 'boolean', default: false },
    // Pagefind needs gigabytes to index 10k pages and runs out of memory on the 100k Zipf archive:
    // its address space is capped, and it is skipped above this many stories.
    'pagefind-max-gb': { type: 'string', default: '10' },
    'pagefind-max-stories': { type: 'string', default: '50000' },
    // Each cold query runs this many times in fresh pages, the two engines in turn; the median is reported.
    // One run's time moves by 30–70 ms on a two-core machine: three runs let one query's median swing the ratio.
    runs: { type: 'string', default: '7' },
    // Print where our median run of each query spent its time: each request's start and end.
    waterfall: { type: 'boolean', default: false },
    // Measure a site kept under .bench/search/<archive>-<size>-<label>/ (built by another commit, for before/after).
    label: { type: 'string' },
    // Build only what search serves: the 1k site of the same archive as the shell (search page, scripts,
    // styles), with this size's search files. For 100k, where building every story page takes an hour here.
    'search-only': { type: 'boolean', default: false },
  },
});

type Archive = 'small' | 'zipf';

/** A cold query's median over runs, for both engines. */
interface QueryRow {
  ours: ColdQuery;
  pagefind?: ColdQuery;
}

/** The five queries: one-word at frequency ranks about 100, 1,000 and 10,000, and two two-word ones. */
function queriesOf(archive: Archive): { queries: string[]; keystrokeWord: string; session: string[] } {
  if (archive === 'small') {
    return {
      queries: ['hospital', 'minister', 'drought', 'election hospital', 'police strike'],
      keystrokeWord: 'hospital',
      session:
        'minister president police officials government country security military council public national party report water health school market prices workers members'.split(
          ' ',
        ),
    };
  }
  const { words } = zipfVocabularyOf(1);
  // The first indexable word at or after a rank (stopwords and short words are not what readers type).
  const at = (rank: number, minLength = 4) => words.slice(rank - 1).find((word) => word.length >= minLength && !STOPWORDS.has(word))!;
  return {
    queries: [at(100), at(1000), at(10_000), `${at(100)} ${at(1000)}`, `${at(300)} ${at(3000)}`],
    keystrokeWord: at(100, 8),
    session: Array.from({ length: 20 }, (_, i) => at(100 + i * 100)),
  };
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

/** Run a command under GNU time: wall seconds and peak resident MB. */
function timed(command: string, args: string[]): { seconds: number; peakMB: number; ok: boolean } {
  const timeFile = path.join(WORK, 'time.txt');
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', '-o', timeFile, command, ...args], { cwd: ROOT, stdio: 'ignore' });
  const [seconds = '0', kb = '0'] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-2);
  return { seconds: Number(seconds), peakMB: Number(kb) / 1024, ok: result.status === 0 };
}

const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]!;

/**
 * Each engine's run with the median time, of several cold runs (after one unmeasured run each that
 * warms the server). The engines take turns, run by run: a spell of load from elsewhere on the machine
 * falls on both, not on whichever had its runs then.
 */
async function mediansOf<Engine extends string>(measures: Record<Engine, () => Promise<ColdQuery>>): Promise<Record<Engine, ColdQuery>> {
  const engines = Object.keys(measures) as Engine[];
  for (const engine of engines) await measures[engine]();
  const runs = new Map<Engine, ColdQuery[]>(engines.map((engine) => [engine, []]));
  for (let i = 0; i < Number(values.runs); i++) for (const engine of engines) runs.get(engine)!.push(await measures[engine]());
  const medianRun = (list: ColdQuery[]) => [...list].sort((a, b) => a.ms - b.ms)[Math.floor(list.length / 2)]!;
  return Object.fromEntries(engines.map((engine) => [engine, medianRun(runs.get(engine)!)])) as Record<Engine, ColdQuery>;
}

/**
 * Before measuring: the build's files flushed to disk, and the machine quiet (a second with its cores
 * at least 85% idle; a minute at most), so that neither engine shares the machine with the kernel
 * writing out a site just built (400 MB at 100k). After a 10k build it was quiet within a second.
 */
async function settle(): Promise<void> {
  const started = performance.now();
  spawnSync('sync');
  while (performance.now() - started < 60_000) {
    const before = cpuTimes();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = cpuTimes();
    if (!before || !after || (after.idle - before.idle) / (after.total - before.total) >= 0.85) break;
  }
  console.log(`bench:search: machine quiet after ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

/** The machine's CPU time so far, idle and in all, from /proc/stat (undefined where there is none). */
function cpuTimes(): { idle: number; total: number } | undefined {
  if (!existsSync('/proc/stat')) return undefined;
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  return { idle: fields[3]! + (fields[4] ?? 0), total: fields.reduce((sum, ticks) => sum + ticks, 0) };
}

const builtThisRun = new Set<string>();

/** Generate, ingest and build a site (entries kept between runs), unless one is kept with `--reuse`. */
async function prepareSite(archive: Archive, stories: number, dir: string): Promise<string> {
  const dist = path.join(dir, 'dist');
  // The 1k site is also the shell of the larger sizes' `--search-only` runs: built once a run, never left from an older commit.
  if ((values.reuse || builtThisRun.has(dist)) && existsSync(path.join(dist, 'search/data/manifest.json'))) return dist;
  builtThisRun.add(dist);
  const started = performance.now();
  const raw = path.join(dir, 'raw');
  const articles = path.join(dir, 'articles');
  if (!existsSync(raw)) {
    await run(NODE, ['scripts/generate-archive.ts', '--articles', String(stories), '--out', raw, '--vocabulary', archive]);
  }
  console.log(`bench:search: ingesting and building ${stories} stories (${archive} vocabulary)…`);
  await run(NODE, ['scripts/ingest.ts', '--in', raw, '--out', articles]);
  if (values['search-only'] && stories !== 1000) {
    const shell = await prepareSite(archive, 1000, path.join(WORK, `${archive}-1000`));
    rmSync(dist, { recursive: true, force: true });
    await run('/bin/cp', ['-al', shell, dist]);
    rmSync(path.join(dist, 'search/data'), { recursive: true });
    const write = `const { writeSearchFiles } = await import(${JSON.stringify(path.join(ROOT, 'src/lib/search/build/index-fs.ts'))});
      console.log(JSON.stringify(await writeSearchFiles(process.argv[1], process.argv[2])));`;
    await run(NODE, ['--max-old-space-size=8000', '--input-type=module', '-e', write, articles, path.join(dist, 'search/data')]);
    rmSync(path.join(dist, 'search/data/related.json'));
    carryManifest(dist);
    console.log(`bench:search: search files written in ${((performance.now() - started) / 1000).toFixed(0)} s (the 1k site as the shell)`);
    return dist;
  }
  await run(NODE, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    CLIPPINGS_ARTICLES_DIR: articles,
    CLIPPINGS_OUT_DIR: dist,
    CLIPPINGS_CACHE_DIR: path.join(dir, 'cache'),
    ASTRO_TELEMETRY_DISABLED: '1',
  });
  console.log(`bench:search: site built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return dist;
}

/** The shell's search page carries the 1k manifest (`inline-manifest.ts`): make it carry the files written behind it. */
function carryManifest(dist: string): void {
  const page = path.join(dist, 'search/index.html');
  const html = readFileSync(page, 'utf8');
  const block = inlineManifestBlock(readFileSync(path.join(dist, 'search/data/manifest.json'), 'utf8'));
  const carried = html.replace(new RegExp(`<script type="application/json" id="${INLINE_MANIFEST_ID}">[^<]*</script>`), () => block);
  if (carried === html) throw new Error(`bench:search: ${page}: expected the search page to carry the index manifest`);
  // A hard link to the shell's page: write a new file rather than through the link.
  rmSync(page);
  writeFileSync(page, carried);
}

/** Index the built story pages with Pagefind (kept between runs), under a memory cap. */
function preparePagefind(stories: number, dist: string, dir: string) {
  const out = path.join(dir, 'pagefind');
  const kept = !values['fresh-pagefind'] && existsSync(path.join(out, 'pagefind.js'));
  // A `--search-only` site holds the 1k shell's story pages, not this size's: only an index kept from a full build is this archive's.
  const shellOnly = values['search-only'] && stories !== 1000 && !kept;
  if (values['skip-pagefind'] || shellOnly || stories > Number(values['pagefind-max-stories'])) return { skipped: true, ok: false, seconds: 0, peakMB: 0, out };
  if (kept) return { skipped: false, ok: true, seconds: 0, peakMB: 0, out };
  console.log(`bench:search: indexing ${stories} stories with Pagefind…`);
  const result = timed('/usr/bin/prlimit', [
    `--as=${Number(values['pagefind-max-gb']) * 2 ** 30}`,
    path.join(ROOT, 'node_modules/.bin/pagefind'),
    ...['--site', dist, '--output-path', out, '--glob', 'articles/**/*.html', '--root-selector', 'article', '--quiet'],
  ]);
  return { skipped: false, ...result, out };
}

const kb = (bytes: number) => `${(bytes / 1e3).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
// The search page itself counts too: it carries the index manifest (and the page's own markup, ~2 KB).
const ours = (url: string) => url.includes('/search/data/') || /\/_astro\/.*\.js$/.test(url) || new URL(url).pathname.endsWith('/search/');
const theirs = (url: string) => url.includes('/pagefind/') && !url.includes('/pagefind/bench.html');

async function benchOne(browser: Browser, archive: Archive, stories: number): Promise<void> {
  const dir = path.join(WORK, [archive, stories, values.label].filter(Boolean).join('-'));
  mkdirSync(dir, { recursive: true });
  const dist = await prepareSite(archive, stories, dir);
  const pagefind = preparePagefind(stories, dist, dir);
  await settle();
  const page = pagefind.ok ? writePagefindPage(pagefind.out) : '';
  const { queries, keystrokeWord, session } = queriesOf(archive);
  const server = await serveStatic(dist, { http2: true, mounts: pagefind.ok ? { '/pagefind/': pagefind.out } : {} });
  const rows: QueryRow[] = [];
  try {
    for (const query of queries) {
      const q = encodeURIComponent(query);
      const oursRun = () => measureColdQuery(browser, `${server.url}search/?q=${q}`, query, ours);
      const theirsRun = () => measureColdQuery(browser, `${server.url}pagefind/${page}?q=${q}`, query, theirs);
      rows.push(pagefind.ok ? await mediansOf({ ours: oursRun, pagefind: theirsRun }) : await mediansOf({ ours: oursRun }));
    }
    // Typed in as many fresh pages as a cold query runs: each letter's median, and its slowest.
    const sessions: number[][] = [];
    for (let i = 0; i < Number(values.runs); i++) sessions.push(await measureKeystrokes(browser, server.url, keystrokeWord));
    const keystrokes = sessions[0]!.map((_, letter) => median(sessions.map((session) => session[letter]!)));
    const slowestKeystrokes = sessions[0]!.map((_, letter) => Math.max(...sessions.map((session) => session[letter]!)));
    const sessionMB = await measureSession(browser, server.url, session);
    const disk = { ours: sizeOf(path.join(dist, 'search/data')), records: sizeOf(path.join(dist, 'search/data/docs')), pagefind: sizeOf(pagefind.out) };
    writeFileSync(path.join(dir, 'report.json'), JSON.stringify({ archive, stories, rows, keystrokes, slowestKeystrokes, sessionMB, disk, pagefind }, null, 2));
    printReport(archive, stories, rows, { medians: keystrokes, slowest: slowestKeystrokes }, keystrokeWord, sessionMB, disk, pagefind);
  } finally {
    await server.close();
  }
}

function printReport(
  archive: Archive,
  stories: number,
  rows: QueryRow[],
  keystrokes: { medians: number[]; slowest: number[] },
  keystrokeWord: string,
  sessionMB: number,
  disk: Record<'ours' | 'records' | 'pagefind', { bytes: number; files: number }>,
  pagefind: { skipped: boolean; ok: boolean; seconds: number; peakMB: number },
): void {
  console.log(
    `\n${stories.toLocaleString('en')} stories, ${archive} vocabulary (medians of ${values.runs} cold runs; load average ${loadavg()[0]!.toFixed(1)})`,
  );
  console.log('  query                       ours: links  complete  search bytes (all)   | Pagefind: links  search bytes (all)  | time   bytes');
  for (const { ours: o, pagefind: p } of rows) {
    const mine = `${`${o.ms.toFixed(0)} ms`.padStart(11)} ${`${o.completeMs.toFixed(0)} ms`.padStart(9)}  ${kb(o.searchBytes).padStart(8)} (${kb(o.bytes).padStart(8)})`;
    const other = p ? `${`${p.ms.toFixed(0)} ms`.padStart(15)}  ${kb(p.searchBytes).padStart(8)} (${kb(p.bytes).padStart(8)})` : '        —'.padEnd(36);
    const ratio = p ? `${(o.ms / p.ms).toFixed(2)}×  ${(o.searchBytes / p.searchBytes).toFixed(2)}×` : '';
    console.log(`  ${JSON.stringify(o.query).padEnd(26)} ${mine}   | ${other}  | ${ratio}   (${o.links} links)`);
    if (values.waterfall) printWaterfall(o);
  }
  const oursMs = median(rows.map((row) => row.ours.ms));
  const oursBytes = median(rows.map((row) => row.ours.searchBytes));
  let line = `  median of ${rows.length} queries: ours ${oursMs.toFixed(0)} ms, ${kb(oursBytes)}`;
  if (rows.every((row) => row.pagefind)) {
    const theirMs = median(rows.map((row) => row.pagefind!.ms));
    const theirBytes = median(rows.map((row) => row.pagefind!.searchBytes));
    line += `; Pagefind ${theirMs.toFixed(0)} ms, ${kb(theirBytes)}; ratio ${(oursMs / theirMs).toFixed(2)}× time, ${(oursBytes / theirBytes).toFixed(2)}× bytes`;
  }
  console.log(line);
  // The start of the frame that paints the links, as this benchmark timed "links" before it timed their paint.
  const frames = [`ours ${median(rows.map((row) => row.ours.frameMs)).toFixed(0)} ms`];
  if (rows.every((row) => row.pagefind)) frames.push(`Pagefind ${median(rows.map((row) => row.pagefind!.frameMs)).toFixed(0)} ms`);
  console.log(`  that frame's start (requestAnimationFrame), median: ${frames.join(', ')}`);
  console.log(
    `  later keystrokes (each further letter of ${JSON.stringify(keystrokeWord)}, median of ${values.runs} pages): ${keystrokes.medians.map((ms) => `${ms.toFixed(1)} ms`).join(', ')}; slowest ${keystrokes.slowest.map((ms) => ms.toFixed(1)).join(', ')}`,
  );
  console.log(`  JS memory after 20 different searches in one page: ${sessionMB.toFixed(1)} MB`);
  const theirDisk = pagefind.skipped
    ? 'Pagefind skipped'
    : pagefind.ok
      ? `Pagefind ${mb(disk.pagefind.bytes)} (${disk.pagefind.files} files)`
      : 'Pagefind FAILED';
  const indexing = pagefind.seconds > 0 ? `, indexed in ${pagefind.seconds} s at ${pagefind.peakMB.toFixed(0)} MB peak` : '';
  console.log(
    `  search files on disk: ours ${mb(disk.ours.bytes)} (${mb(disk.records.bytes)} of it story records; ${disk.ours.files} files); ${theirDisk}${indexing}`,
  );
}

// Our requests until the first results, grouped as the page makes them: what waits on what.
function printWaterfall(query: ColdQuery): void {
  const groups = new Map<string, { start: number; end: number; count: number }>();
  for (const { path: file, start, end } of query.waterfall) {
    const group = file.startsWith('/_astro/')
      ? file.endsWith('.css')
        ? 'css'
        : 'scripts'
      : file.includes('/search/data/')
        ? file
            .split('/search/data/')[1]!
            .split('/')[0]!
            .replace(/\.json$/, '')
        : file.endsWith('/search/')
          ? 'page'
          : 'other';
    if (group === 'other') continue;
    const known = groups.get(group);
    groups.set(group, known ? { start: Math.min(known.start, start), end: Math.max(known.end, end), count: known.count + 1 } : { start, end, count: 1 });
  }
  const steps = [...groups]
    .sort((a, b) => a[1].start - b[1].start)
    .map(([name, { start, end, count }]) => `${name}${count > 1 ? ` ×${count}` : ''} ${start}–${end}`);
  console.log(`      ${steps.join(', ')}; their frame began ${query.frameMs.toFixed(0)}, links painted ${query.ms.toFixed(0)}`);
}

mkdirSync(WORK, { recursive: true });
const browser = await launchBrowser();
try {
  for (const size of values.sizes.split(',').map(Number)) {
    for (const archive of values.archives.split(',') as Archive[]) {
      if (archive !== 'small' && archive !== 'zipf') throw new Error(`bench:search: --archives ${archive}: expected "small" or "zipf"`);
      await benchOne(browser, archive, size);
    }
  }
} finally {
  await browser.close();
}

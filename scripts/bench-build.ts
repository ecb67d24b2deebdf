/**
 * Build benchmark: generate archives, ingest them, build the site, and build
 * a bare Astro site (glob loader, one plain page per entry) from the same
 * entries in the same run, as the floor to compare against.
 *
 *   npm run bench:build                      # 1k and 10k stories
 *   npm run bench:build -- --sizes 100000    # any sizes, comma-separated
 *   npm run bench:build -- --baseline ../old # also build another checkout
 *   npm run bench:build -- --runs 3          # each build three times, interleaved: medians
 *
 * `--baseline` takes the folder of another checkout of Clippings (its own
 * `npm install` done): its ingest and its Astro build run on the same raw
 * archive in the same run, so a change is measured before and after against
 * one anchor.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeBareSite } from './bench/bare-site.ts';
import { KNOWLEDGE_GROUPS, sumPageGroups, type PageGroup } from './bench/page-groups.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const NODE = path.join(ROOT, 'node_modules/.bin/node');
const ASTRO = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
const WORK = path.join(ROOT, '.bench/build');

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    'skip-bare': { type: 'boolean', default: false },
    baseline: { type: 'string' },
    // Each build this many times, the site, baseline and bare builds taking turns; the median run of each is reported.
    runs: { type: 'string', default: '1' },
  },
});
const RUNS = Math.max(1, Number(values.runs) || 1);

// Deleting a built site (tens of thousands of files) slows file creation on
// this disk for minutes (DESIGN.md, "The disk"), which would charge one build
// for another's cleanup. Nothing is deleted before or between measured builds:
// earlier outputs are set aside and deleted at the end, and a run that starts
// soon after such a delete waits the window out.
const TRASH = path.join(WORK, 'trash');
const DELETED_AT = path.join(WORK, '.deleted-at');
const DELETE_WINDOW_MS = 6 * 60 * 1000;
let setAsideCount = 0;

/** Move a folder into the trash (a rename: no file is freed until the run ends). */
function setAside(dir: string): void {
  if (!existsSync(dir)) return;
  mkdirSync(TRASH, { recursive: true });
  renameSync(dir, path.join(TRASH, `${path.basename(dir)}-${Date.now()}-${setAsideCount++}`));
}

/** The run with the median time. */
const medianRun = (measures: Measure[]): Measure => [...measures].sort((a, b) => a.seconds - b.seconds)[Math.floor(measures.length / 2)]!;

/** What one build cost. */
interface Measure {
  seconds: number;
  peakMB: number;
  pages: number;
  /** Seconds spent in the search integration's index build (part of `seconds`). */
  searchSeconds?: number;
  /** Seconds Astro spent generating pages (part of `seconds`). */
  renderSeconds?: number;
  /** Pages and render seconds by kind of page. */
  groups?: PageGroup[];
  /** With `--runs`: every run's seconds (the rest is the median run's). */
  runs?: string;
}

/** Phase timings from a build log. */
function readPhases(log: string): Pick<Measure, 'searchSeconds' | 'renderSeconds' | 'groups'> {
  const text = readFileSync(log, 'utf8');
  const search = /\((\d+) ms index, (\d+) ms shards, (\d+) ms related\)/.exec(text);
  const render = /generating static routes[\s\S]*?Completed in (?:(\d+)m )?([\d.]+)(m?s)/.exec(text);
  return {
    searchSeconds: search ? (Number(search[1]) + Number(search[2]) + Number(search[3])) / 1000 : undefined,
    renderSeconds: render ? Number(render[1] ?? 0) * 60 + Number(render[2]) / (render[3] === 'ms' ? 1000 : 1) : undefined,
    groups: sumPageGroups(text),
  };
}

/** Run a command under GNU time; resolve with wall time and peak resident memory. */
function measure(args: string[], env: Record<string, string>, log: string): Promise<Omit<Measure, 'pages'>> {
  const timeFile = `${log}.time`;
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', '%e %M', '-o', timeFile, ...args], {
      cwd: ROOT,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      writeFileSync(`${log}.log`, output);
      if (code !== 0) return reject(new Error(`bench-build: ${args.join(' ')} failed (${code}), see ${log}.log:\n${output.slice(-1500)}`));
      const [seconds = '0', kb = '0'] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-2);
      resolve({ seconds: Number(seconds), peakMB: Number(kb) / 1024 });
    });
  });
}

/** HTML pages in a built folder. */
function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.html')).length;
}

/**
 * Each kind of page's share of the render time. Astro renders pages a few at
 * once and logs each page's own time, so the per-kind sums overlap; their
 * proportions split the render's wall time.
 */
function renderShares(site: Measure): Map<string, number> {
  const groups = site.groups ?? [];
  const total = groups.reduce((sum, group) => sum + group.seconds, 0);
  return new Map(groups.map((group) => [group.name, total > 0 ? ((site.renderSeconds ?? 0) * group.seconds) / total : 0]));
}

async function run(command: string[], env: Record<string, string> = {}): Promise<void> {
  await measure(command, env, path.join(WORK, 'step'));
}

function format(m: Measure): string {
  return `${m.seconds.toFixed(1).padStart(7)} s ${String(m.pages).padStart(7)} pages ${(m.pages / m.seconds).toFixed(0).padStart(6)} pages/s ${m.peakMB.toFixed(0).padStart(6)} MB peak`;
}

const BASELINE = values.baseline ? path.resolve(values.baseline) : undefined;

/** The baseline checkout's ingest of the same raw archive, then its cold build. */
async function benchBaseline(dir: string, raw: string): Promise<Measure> {
  const root = BASELINE as string;
  const articles = path.join(dir, 'articles-baseline');
  if (!existsSync(path.join(articles, '.done'))) {
    setAside(articles);
    console.log(`bench-build: ingesting with the baseline (${root})…`);
    await measure([NODE, path.join(root, 'scripts/ingest.ts'), '--in', raw, '--out', articles], {}, path.join(dir, 'baseline-ingest'));
    writeFileSync(path.join(articles, '.done'), '');
  }
  const out = path.join(dir, 'site-baseline');
  setAside(out);
  console.log('bench-build: building the baseline site…');
  const log = path.join(dir, 'site-baseline');
  const built = await measure(
    [path.join(root, 'node_modules/.bin/node'), path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', root],
    { CLIPPINGS_ARTICLES_DIR: articles, CLIPPINGS_OUT_DIR: path.join(out, 'dist'), CLIPPINGS_CACHE_DIR: path.join(out, 'cache') },
    log,
  );
  return { ...built, pages: countPages(path.join(out, 'dist')), ...readPhases(`${log}.log`) };
}

async function benchSize(size: number): Promise<{ site: Measure; bare?: Measure; bareError?: string; baseline?: Measure }> {
  const dir = path.join(WORK, String(size));
  const raw = path.join(dir, 'raw');
  const articles = path.join(dir, 'articles');
  if (!existsSync(path.join(articles, '.done'))) {
    setAside(dir);
    mkdirSync(dir, { recursive: true });
    console.log(`bench-build: generating and ingesting ${size} stories…`);
    await run([NODE, 'scripts/generate-archive.ts', '--articles', String(size), '--out', raw]);
    await run([NODE, 'scripts/ingest.ts', '--in', raw, '--out', articles]);
    await run(['touch', path.join(articles, '.done')]);
  }

  const siteRuns: Measure[] = [];
  const baselineRuns: Measure[] = [];
  const bareRuns: Measure[] = [];
  let bareError: string | undefined;
  for (let turn = 0; turn < RUNS; turn++) {
    const of = RUNS > 1 ? ` (run ${turn + 1} of ${RUNS})` : '';
    siteRuns.push(await benchSite(dir, articles, size, of));
    if (BASELINE) baselineRuns.push(await benchBaseline(dir, raw));
    if (values['skip-bare'] || bareError) continue;
    try {
      bareRuns.push(await benchBare(dir, articles, size, of));
    } catch (error) {
      // The stock loader's store is one JSON string: past ~45k entries it cannot be built at all.
      bareError =
        (error as Error).message
          .split('\n')
          .filter((line) => /Error|heap|Invalid string length/i.test(line))
          .slice(-1)[0] ?? 'failed';
    }
  }
  const runs = (measures: Measure[]) => (measures.length > 1 ? measures.map((m) => m.seconds.toFixed(1)).join(', ') : undefined);
  return {
    site: { ...medianRun(siteRuns), runs: runs(siteRuns) },
    ...(bareRuns.length > 0 ? { bare: { ...medianRun(bareRuns), runs: runs(bareRuns) } } : {}),
    ...(bareError ? { bareError } : {}),
    ...(baselineRuns.length > 0 ? { baseline: { ...medianRun(baselineRuns), runs: runs(baselineRuns) } } : {}),
  };
}

/** This checkout's cold build of the entries. */
async function benchSite(dir: string, articles: string, size: number, of: string): Promise<Measure> {
  const siteOut = path.join(dir, 'site');
  setAside(siteOut);
  const siteLog = path.join(dir, 'site');
  console.log(`bench-build: building the site (${size})${of}…`);
  const site = await measure(
    [NODE, ASTRO, 'build'],
    {
      CLIPPINGS_ARTICLES_DIR: articles,
      CLIPPINGS_OUT_DIR: path.join(siteOut, 'dist'),
      CLIPPINGS_CACHE_DIR: path.join(siteOut, 'cache'),
    },
    siteLog,
  );
  return { ...site, pages: countPages(path.join(siteOut, 'dist')), ...readPhases(`${siteLog}.log`) };
}

/** The bare Astro site's cold build of the same entries. */
async function benchBare(dir: string, articles: string, size: number, of: string): Promise<Measure> {
  const bareRoot = path.join(dir, 'bare');
  setAside(bareRoot);
  writeBareSite(bareRoot);
  console.log(`bench-build: building the bare site (${size})${of}…`);
  const bare = await measure(
    [NODE, ASTRO, 'build', '--root', bareRoot],
    {
      BARE_ARTICLES_DIR: articles,
      BARE_OUT_DIR: path.join(bareRoot, 'dist'),
      BARE_CACHE_DIR: path.join(bareRoot, 'cache'),
    },
    path.join(dir, 'bare'),
  );
  return { ...bare, pages: countPages(path.join(bareRoot, 'dist')), ...readPhases(path.join(dir, 'bare.log')) };
}

mkdirSync(WORK, { recursive: true });
const sinceDelete = existsSync(DELETED_AT) ? Date.now() - Number(readFileSync(DELETED_AT, 'utf8')) : Infinity;
if (sinceDelete < DELETE_WINDOW_MS) {
  const wait = DELETE_WINDOW_MS - sinceDelete;
  console.log(`bench-build: the last run deleted its outputs ${Math.round(sinceDelete / 1000)} s ago; waiting ${Math.round(wait / 1000)} s for the disk`);
  await new Promise((resolve) => setTimeout(resolve, wait));
}
const sizes = values.sizes
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
const rows: Array<{ size: number; site: Measure; bare?: Measure }> = [];
for (const size of sizes) {
  const { site, bare, bareError, baseline } = await benchSize(size);
  rows.push({ size, site, bare });
  const search = site.searchSeconds === undefined ? '' : `, of which search index ${site.searchSeconds.toFixed(1)} s`;
  console.log(`  site ${String(size).padStart(7)}: ${format(site)}   (pages rendered in ${site.renderSeconds?.toFixed(1) ?? '?'} s${search})`);
  for (const [name, m] of [
    ['site', site],
    ['bare', bare],
    ['baseline', baseline],
  ] as const)
    if (m?.runs) console.log(`    ${name}: median of ${RUNS} runs (${m.runs} s)`);
  if (bare)
    console.log(
      `  bare ${String(size).padStart(7)}: ${format(bare)}   (pages rendered in ${bare.renderSeconds?.toFixed(1) ?? '?'} s)   site/bare time ${(site.seconds / bare.seconds).toFixed(2)}×`,
    );
  if (bareError) console.log(`  bare ${String(size).padStart(7)}: failed: ${bareError}`);
  if (baseline) {
    const ratio = bare ? `   baseline/bare time ${(baseline.seconds / bare.seconds).toFixed(2)}×` : '';
    const search = baseline.searchSeconds === undefined ? '' : `, of which search index ${baseline.searchSeconds.toFixed(1)} s`;
    console.log(
      `  baseline ${String(size).padStart(3)}: ${format(baseline)}   (pages rendered in ${baseline.renderSeconds?.toFixed(1) ?? '?'} s${search})${ratio}`,
    );
    console.log(`    this checkout / baseline: ${(site.seconds / baseline.seconds).toFixed(2)}× time, ${(site.pages / baseline.pages).toFixed(2)}× pages`);
  }
  const rendered = renderShares(site);
  for (const group of site.groups ?? []) {
    const seconds = rendered.get(group.name) ?? 0;
    const each = group.pages > 0 ? `, ${((seconds * 1000) / group.pages).toFixed(1)} ms a page` : '';
    console.log(`    ${group.name.padEnd(22)} ${String(group.pages).padStart(7)} pages ${seconds.toFixed(1).padStart(7)} s of the render${each}`);
  }
  if (bare) {
    const knowledge = KNOWLEDGE_GROUPS.reduce((sum, name) => sum + (rendered.get(name) ?? 0), 0);
    console.log(
      `    without the knowledge pages (${knowledge.toFixed(1)} s): site/bare ${((site.seconds - knowledge) / bare.seconds).toFixed(2)}×, ` +
        `and without search too ${((site.seconds - knowledge - (site.searchSeconds ?? 0)) / bare.seconds).toFixed(2)}×`,
    );
  }
}

console.log('\nbench-build: results (cold builds, fresh cache)');
console.log('stories  site time  site pages/s  site peak  bare time  bare pages/s  bare peak  site/bare  site-without-search/bare');
for (const { size, site, bare } of rows) {
  console.log(
    [
      String(size).padStart(7),
      `${site.seconds.toFixed(1)} s`.padStart(10),
      (site.pages / site.seconds).toFixed(0).padStart(13),
      `${site.peakMB.toFixed(0)} MB`.padStart(10),
      bare ? `${bare.seconds.toFixed(1)} s`.padStart(10) : '         -',
      bare ? (bare.pages / bare.seconds).toFixed(0).padStart(13) : '            -',
      bare ? `${bare.peakMB.toFixed(0)} MB`.padStart(10) : '         -',
      bare ? `${(site.seconds / bare.seconds).toFixed(2)}×`.padStart(10) : '',
      bare ? `${((site.seconds - (site.searchSeconds ?? 0)) / bare.seconds).toFixed(2)}×`.padStart(25) : '',
    ].join(' '),
  );
}
for (let i = 1; i < rows.length; i++) {
  const a = rows[i - 1]!;
  const b = rows[i]!;
  const growth = b.site.seconds / b.size / (a.site.seconds / a.size);
  console.log(
    `growth ${a.size} → ${b.size}: ${(b.size / a.size).toFixed(0)}× stories, ${(b.site.seconds / a.site.seconds).toFixed(1)}× time (time per story ×${growth.toFixed(2)})`,
  );
}

if (existsSync(TRASH)) {
  rmSync(TRASH, { recursive: true, force: true });
  writeFileSync(DELETED_AT, String(Date.now()));
}

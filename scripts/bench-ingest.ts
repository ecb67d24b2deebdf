/**
 * Ingest benchmark: generates archives of N articles, ingests them in fresh
 * processes, and prints throughput and peak memory beside a baseline measured
 * in the same run (remark's stock serializer alone, one core). The ingest
 * without extraction (`--no-extract`) and with it are measured apart, and the
 * extraction stage's own rate per core from the CPU time its threads spent.
 *
 *   npm run bench:ingest [-- --sizes 10000,100000] [--baseline ../old]
 *
 * `--baseline` takes the folder of another checkout (its own `npm install`
 * done): its ingest runs on the same archive in the same run, for before and
 * after figures. A checkout from before extraction has no `--no-extract`, and
 * its ingest does less.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { generateDumps } from './bench/generate-dumps.ts';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '10000,100000' }, baseline: { type: 'string' } } });
const sizes = values.sizes.split(',').map(Number);
const ROOT = fileURLToPath(new URL('../.bench/ingest/', import.meta.url));
const CHILD = fileURLToPath(new URL('./bench/bench-ingest-child.ts', import.meta.url));
// As `npm run ingest` starts the CLI: Node's compile cache preloaded, before the entry's TypeScript.
const PRELOAD = ['--import', fileURLToPath(new URL('./lib/compile-cache.mjs', import.meta.url))];

interface Measure {
  ms: number;
  peakMB: number;
  filesRead?: number;
  written?: number;
  rejected?: number;
  bytes?: number;
  /** CPU milliseconds of the extraction stage, over all threads. */
  extractMs?: number;
}
/**
 * Run a measuring child. A run is timed from outside, from the spawn to the
 * exit, as a user waits for `npm run ingest`: the process's start and the
 * loading of the ingest's modules are part of it (this checkout's child and a
 * baseline's alike); the other measures time their own loop.
 */
function measured(command: string, args: string[]): Measure {
  const started = performance.now();
  const measure: Measure = JSON.parse(execFileSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 24 }));
  return args[1] === 'run' ? { ...measure, ms: performance.now() - started } : measure;
}
const child = (...args: string[]): Measure => measured(process.execPath, [...PRELOAD, CHILD, ...args]);

// Another checkout's own measuring child (it moved from scripts/lib/ to scripts/bench/), run by its pinned Node.
const BASELINE = values.baseline ? path.resolve(values.baseline) : undefined;
const baselineChild = (...args: string[]): Measure => {
  const root = BASELINE as string;
  const script = ['scripts/bench/bench-ingest-child.ts', 'scripts/lib/bench-ingest-child.ts'].map((file) => path.join(root, file)).find(existsSync);
  if (!script) throw new Error(`bench:ingest: --baseline ${root}: no scripts/{bench,lib}/bench-ingest-child.ts there, expected a Clippings checkout`);
  return measured(path.join(root, 'node_modules/.bin/node'), [script, ...args]);
};

// The generator's own code: an archive it generated differently is generated again.
const GENERATOR = ['generate-dumps.ts', 'generate-knowledge.ts', 'random.ts', 'vocabulary.ts', 'zipf-vocabulary.ts']
  .reduce((hash, name) => hash.update(readFileSync(new URL(`./bench/${name}`, import.meta.url))), createHash('sha256'))
  .digest('hex');

/** Generate the archive once; later runs reuse it while the generator is unchanged. */
function archive(size: number): { dir: string; bytes: number; files: string[] } {
  const dir = path.join(ROOT, `raw-${size}`);
  const stamp = path.join(dir, '.complete');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== GENERATOR) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const file of generateDumps({ articles: size, perFile: 10, seed: 1 })) writeFileSync(path.join(dir, file.name), file.text);
    writeFileSync(stamp, GENERATOR);
  }
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  return { dir, bytes: files.reduce((sum, name) => sum + statSync(path.join(dir, name)).size, 0), files };
}

const mbps = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000);
const rows: string[][] = [['archive', 'run', 'time', 'articles/s', 'MB/s', 'peak MB', 'vs baseline', 'extraction MB/s a core']];
const NO_EXTRACT = '--no-extract';
console.log(`bench:ingest on ${availableParallelism()} cores`);

// Nothing is deleted before or between the measured runs, and after deleting
// its outputs a run notes the time: ext4 without a journal, as on this
// machine, will not reuse an inode freed in the last minute (six, while its
// inode table block is dirty, which creating files next to it makes it), and
// scans past each one for every file it creates. `perf` showed file creation
// two to ten times slower for minutes after a mass delete, which is no part of
// the ingest's cost. Leftovers of an interrupted run are set aside, deleted at
// the end, and a run that starts soon after a delete waits the window out.
const TRASH = path.join(ROOT, 'trash');
const DELETED_AT = path.join(ROOT, '.deleted-at');
const DELETE_WINDOW_MS = 6 * 60 * 1000;
const isOutput = (name: string) => name.startsWith('out-') || name.startsWith('floor-');
mkdirSync(TRASH, { recursive: true });
for (const name of readdirSync(ROOT).filter(isOutput)) renameSync(path.join(ROOT, name), path.join(TRASH, `${name}-${Date.now()}`));
const sinceDelete = existsSync(DELETED_AT) ? Date.now() - Number(readFileSync(DELETED_AT, 'utf8')) : Infinity;
if (sinceDelete < DELETE_WINDOW_MS) {
  const wait = DELETE_WINDOW_MS - sinceDelete;
  console.log(
    `bench:ingest: the last run deleted its outputs ${Math.round(sinceDelete / 1000)} s ago; waiting ${Math.round(wait / 1000)} s for the disk to reuse those inodes at full speed`,
  );
  await new Promise((resolve) => setTimeout(resolve, wait));
}

for (const size of sizes) {
  const { dir, bytes, files } = archive(size);
  const label = `${size.toLocaleString('en')} (${(bytes / 1e6).toFixed(0)} MB)`;
  const baseline = child('baseline', '--in', dir);
  const base = mbps(baseline.bytes as number, baseline.ms);
  rows.push([label, 'baseline: remark serializer alone, 1 core', '', '', base.toFixed(1), '', '1.00×', '']);

  const timed = (run: string, measure: Measure, extraction = false): string[] => {
    const rate = mbps(bytes, measure.ms);
    return [
      label,
      run,
      `${(measure.ms / 1000).toFixed(2)} s`,
      Math.round(size / (measure.ms / 1000)).toLocaleString('en'),
      rate.toFixed(1),
      String(measure.peakMB),
      `${(rate / base).toFixed(2)}×`,
      extraction && measure.extractMs ? mbps(bytes, measure.extractMs).toFixed(2) : '',
    ];
  };
  const fast = (run: string, measure: Measure): string[] => [label, run, `${(measure.ms / 1000).toFixed(2)} s`, '', '', String(measure.peakMB), '', ''];

  // The ingest's own work, with nothing written: read, parse, build, serialize.
  const dry = child('run', '--in', dir, '--out', path.join(ROOT, 'nowhere'), '--check', NO_EXTRACT);
  rows.push(timed(`compute only (--check ${NO_EXTRACT}, nothing on disk), ${availableParallelism()} workers`, dry));

  let out = '';
  for (const workers of [1, availableParallelism()]) {
    // The headline run three times, each into a fresh folder kept until the
    // end (see above); the median is reported, with the spread.
    const runs: Measure[] = [];
    for (let run = 0; run < (workers > 1 ? 3 : 1); run++) {
      out = path.join(ROOT, `out-${size}-${workers}w-${run}`);
      const full = child('run', '--in', dir, '--out', out, '--workers', String(workers), NO_EXTRACT);
      if (full.rejected) throw new Error(`bench:ingest: ${full.rejected} rejections in a generated archive`);
      runs.push(full);
    }
    runs.sort((a, b) => a.ms - b.ms);
    const full = { ...(runs[Math.floor(runs.length / 2)] as Measure), peakMB: Math.max(...runs.map((r) => r.peakMB)) };
    const spread = runs.length > 1 ? ` (median of ${runs.length}: ${runs.map((r) => (r.ms / 1000).toFixed(1)).join(', ')} s)` : '';
    rows.push(timed(`full ingest ${NO_EXTRACT}, ${workers} worker${workers > 1 ? 's' : ''}${spread}`, full));
  }

  if (BASELINE) {
    const runs: Measure[] = [];
    for (let run = 0; run < 3; run++)
      runs.push(baselineChild('run', '--in', dir, '--out', path.join(ROOT, `out-${size}-baseline-${run}`), '--workers', String(availableParallelism())));
    runs.sort((a, b) => a.ms - b.ms);
    const median = { ...(runs[1] as Measure), peakMB: Math.max(...runs.map((r) => r.peakMB)) };
    rows.push(
      timed(
        `baseline checkout's full ingest, ${availableParallelism()} workers (median of 3: ${runs.map((r) => (r.ms / 1000).toFixed(1)).join(', ')} s)`,
        median,
      ),
    );
  }

  // A first ingest with extraction: no cache, every story extracted in the workers.
  const extracted = path.join(ROOT, `out-${size}-extract`);
  const first = child('run', '--in', dir, '--out', extracted);
  if (first.rejected) throw new Error(`bench:ingest: ${first.rejected} rejections in a generated archive`);
  rows.push(timed(`full ingest with extraction, ${availableParallelism()} workers (first run, no cache)`, first, true));

  // What this disk costs: the same entry files written with nothing else going on.
  const floor = child('write-floor', '--in', out, '--out', path.join(ROOT, `floor-${size}`));
  rows.push([
    label,
    `disk floor: writing the ${floor.written?.toLocaleString('en')} entry files alone`,
    `${(floor.ms / 1000).toFixed(2)} s`,
    '',
    mbps(bytes, floor.ms).toFixed(1),
    '',
    '',
    '',
  ]);

  const again = child('run', '--in', dir, '--out', out, NO_EXTRACT);
  rows.push(fast(`re-run ${NO_EXTRACT}, nothing changed (${again.written} written)`, again));
  const againExtracted = child('run', '--in', dir, '--out', extracted);
  rows.push(fast(`re-run with extraction, nothing changed (${againExtracted.written} written)`, againExtracted));

  // Change one article of one dump, as a correction would.
  const target = path.join(dir, files[Math.floor(files.length / 2)] as string);
  const original = readFileSync(target, 'utf8');
  try {
    // Three runs, each after one dump changed (a line appended, taken away, appended again): the median, with the spread.
    const ones: Measure[] = [];
    for (let run = 0; run < 3; run++) {
      if (run % 2 === 0) appendFileSync(target, '\nA correction was appended to this story.\n');
      else writeFileSync(target, original);
      ones.push(child('run', '--in', dir, '--out', out, NO_EXTRACT));
    }
    const spread = ones.map((one) => (one.ms / 1000).toFixed(2)).join(', ');
    const one = ones.sort((a, b) => a.ms - b.ms)[1] as Measure;
    rows.push(fast(`one file changed, ${NO_EXTRACT} (${one.filesRead} read, ${one.written} written; median of 3: ${spread} s)`, one));
    const oneExtracted = child('run', '--in', dir, '--out', extracted);
    rows.push(fast(`one file changed, with extraction (${oneExtracted.filesRead} read, ${oneExtracted.written} written)`, oneExtracted));
  } finally {
    writeFileSync(target, original);
  }
}

for (const name of readdirSync(ROOT).filter(isOutput)) rmSync(path.join(ROOT, name), { recursive: true, force: true });
rmSync(TRASH, { recursive: true, force: true });
execFileSync('sync');
writeFileSync(DELETED_AT, String(Date.now()));

const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length)));
for (const row of rows) console.log(row.map((cell, c) => (c >= 2 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  '));
console.log(
  `MB/s is of raw dump bytes throughout; extraction MB/s a core is those bytes over the CPU seconds the extraction stage spent in all threads. Targets at 100k: full ingest ${NO_EXTRACT} ≥ 25 MB/s on both cores; one changed file < 2 s; a first ingest with extraction < 5 min on two cores.`,
);

// One article with thousands of inline photos against the same text without them: a fresh process, its own ratio.
console.log(execFileSync(process.execPath, ['--expose-gc', fileURLToPath(new URL('./bench/bench-captions.ts', import.meta.url))], { encoding: 'utf8' }).trim());

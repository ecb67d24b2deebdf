/**
 * Ingest benchmark: generates archives of N articles, ingests them in fresh
 * processes, and prints throughput and peak memory beside a baseline measured
 * in the same run (remark's stock serializer alone, one core).
 *
 *   npm run bench:ingest [-- --sizes 10000,100000]
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { generateDumps } from './lib/generate-dumps.ts';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '10000,100000' } } });
const sizes = values.sizes.split(',').map(Number);
const ROOT = fileURLToPath(new URL('../.bench/ingest/', import.meta.url));
const CHILD = fileURLToPath(new URL('./lib/bench-ingest-child.ts', import.meta.url));

interface Measure {
  ms: number;
  peakMB: number;
  filesRead?: number;
  written?: number;
  rejected?: number;
  bytes?: number;
}
const child = (...args: string[]): Measure => JSON.parse(execFileSync(process.execPath, [CHILD, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 }));

// The generator's own code: an archive it generated differently is generated again.
const GENERATOR = createHash('sha256')
  .update(readFileSync(new URL('./lib/generate-dumps.ts', import.meta.url)))
  .update(readFileSync(new URL('./lib/vocabulary.ts', import.meta.url)))
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
  const files = readdirSync(dir).filter((name) => name.endsWith('.txt')).sort();
  return { dir, bytes: files.reduce((sum, name) => sum + statSync(path.join(dir, name)).size, 0), files };
}

const mbps = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000);
const rows: string[][] = [['archive', 'run', 'time', 'articles/s', 'MB/s', 'peak MB', 'vs baseline']];
console.log(`bench:ingest on ${availableParallelism()} cores`);

// Output folders of earlier runs go first, and the disk is synced: on a disk
// that discards freed blocks, creating files just after deleting many costs
// about twice as much, which is no part of the ingest's own cost.
for (const name of existsSync(ROOT) ? readdirSync(ROOT) : []) {
  if (name.startsWith('out-') || name.startsWith('floor-')) rmSync(path.join(ROOT, name), { recursive: true, force: true });
}
execFileSync('sync');

for (const size of sizes) {
  const { dir, bytes, files } = archive(size);
  let out = '';
  const label = `${size.toLocaleString('en')} (${(bytes / 1e6).toFixed(0)} MB)`;
  const baseline = child('baseline', '--in', dir);
  const base = mbps(baseline.bytes as number, baseline.ms);
  rows.push([label, 'baseline: remark serializer alone, 1 core', '', '', base.toFixed(1), '', '1.00×']);

  // The ingest's own work, with nothing written: read, parse, build, serialize.
  const dry = child('run', '--in', dir, '--out', path.join(ROOT, 'nowhere'), '--check');
  const dryRate = mbps(bytes, dry.ms);
  rows.push([label, `compute only (--check, nothing on disk), ${availableParallelism()} workers`, `${(dry.ms / 1000).toFixed(2)} s`, Math.round(size / (dry.ms / 1000)).toLocaleString('en'), dryRate.toFixed(1), String(dry.peakMB), `${(dryRate / base).toFixed(2)}×`]);

  for (const workers of [1, availableParallelism()]) {
    // A fresh folder for each run, kept until the end (see above).
    out = path.join(ROOT, `out-${size}-${workers}w`);
    const full = child('run', '--in', dir, '--out', out, '--workers', String(workers));
    if (full.rejected) throw new Error(`bench:ingest: ${full.rejected} rejections in a generated archive`);
    const rate = mbps(bytes, full.ms);
    rows.push([label, `full ingest, ${workers} worker${workers > 1 ? 's' : ''}`, `${(full.ms / 1000).toFixed(2)} s`, Math.round(size / (full.ms / 1000)).toLocaleString('en'), rate.toFixed(1), String(full.peakMB), `${(rate / base).toFixed(2)}×`]);
  }

  // What this disk costs: the same entry files written with nothing else going on.
  const floor = child('write-floor', '--in', out, '--out', path.join(ROOT, `floor-${size}`));
  rows.push([label, `disk floor: writing the ${floor.written?.toLocaleString('en')} entry files alone`, `${(floor.ms / 1000).toFixed(2)} s`, '', mbps(bytes, floor.ms).toFixed(1), '', '']);

  const again = child('run', '--in', dir, '--out', out);
  rows.push([label, `re-run, nothing changed (${again.written} written)`, `${(again.ms / 1000).toFixed(2)} s`, '', '', String(again.peakMB), '']);

  // Change one article of one dump, as a correction would.
  const target = path.join(dir, files[Math.floor(files.length / 2)] as string);
  const original = readFileSync(target, 'utf8');
  try {
    appendFileSync(target, '\nA correction was appended to this story.\n');
    const one = child('run', '--in', dir, '--out', out);
    rows.push([label, `one file changed (${one.filesRead} read, ${one.written} written)`, `${(one.ms / 1000).toFixed(2)} s`, '', '', String(one.peakMB), '']);
  } finally {
    writeFileSync(target, original);
  }
}

for (const name of readdirSync(ROOT)) {
  if (name.startsWith('out-') || name.startsWith('floor-')) rmSync(path.join(ROOT, name), { recursive: true, force: true });
}

const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length)));
for (const row of rows) console.log(row.map((cell, c) => (c >= 2 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  '));
console.log('MB/s is of raw dump bytes throughout. Targets: ≥ 30 MB/s for a full ingest on both cores; < 2 s to re-ingest one changed file of a 100k archive.');

/**
 * The ingest run: read the dumps that changed since the last run, merge
 * duplicate stories, write the entries whose content changed and remove those
 * whose source is gone.
 */
import { mkdirSync, opendirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { ingestVersion, loadManifest, saveManifest, type Manifest } from './ingest-manifest.ts';
import type { FileRecord, FileWrites, ReadError, RenderResult, RenderTask, ScanResult, ScanTask } from './ingest-protocol.ts';
import { listDumps, type DumpFile } from './list-dumps.ts';
import { planEntries, type PlannedEntry } from './plan-entries.ts';
import { createWorkerPool } from './worker-pool.ts';
import { unpack } from './packed-files.ts';
import { runTask } from './ingest-worker.ts';

/** How to run. */
export interface IngestOptions {
  inDir: string;
  outDir: string;
  /** Compare only: write and remove nothing, report what is stale. */
  check?: boolean;
  /** Worker threads (default: one per core). */
  workers?: number;
  /** Called as work completes, for a progress bar. */
  onProgress?: (phase: 'read' | 'write', done: number, total: number) => void;
}

/** Something that could not be read, with where. */
export interface Rejection extends ReadError {
  file: string;
}

/** What a run did. */
export interface IngestSummary {
  /** Dump files found, and how many of them had to be read (the others were unchanged). */
  files: number;
  filesRead: number;
  emptyFiles: string[];
  /** Files that are not `.txt`, left alone. */
  skipped: string[];
  /** Articles read, entries they make, and the difference: copies merged into one entry. */
  articles: number;
  entries: number;
  duplicatesMerged: number;
  /** Slugs written (or, with `check`, that would be). */
  written: string[];
  /** Entry files removed (or that would be) because their story is gone. */
  removed: string[];
  /** Whole files and articles that could not be read. */
  rejected: Rejection[];
  /** With `check`: true when the entries on disk do not match the dumps. */
  stale: boolean;
}

const SCAN_BATCH = 16;
const WORKER = new URL('./ingest-worker.ts', import.meta.url);
// Below this many dumps or entries to work on, starting worker threads costs
// more than it saves: a one-file correction runs in this thread.
const INLINE_LIMIT = 8;

/**
 * Run the ingest.
 *
 * @param options Folders and mode.
 * @returns What was read, written, removed and rejected.
 */
export async function runIngest(options: IngestOptions): Promise<IngestSummary> {
  const { inDir, outDir, check = false } = options;
  const version = ingestVersion();
  const previous = loadManifest(outDir, version);
  const { dumps, skipped } = listDumps(inDir);
  const size = Math.max(1, options.workers ?? availableParallelism());
  let pool: ReturnType<typeof createWorkerPool<ScanTask | RenderTask, ScanResult | RenderResult>> | undefined;
  const getPool: GetPool = (work) =>
    pool || work > INLINE_LIMIT || options.workers !== undefined ? (pool ??= createWorkerPool(WORKER, size, 2, { env: workerEnv() })) : { run: runTask };

  try {
    const fresh = !holdsEntries(outDir);
    if (!check) mkdirSync(outDir, { recursive: true });
    const scan = await readRecords(dumps, previous, outDir, check, fresh, getPool, options.onProgress);
    const { records } = scan;
    const gone = Object.keys(previous.files).filter((name) => !records.has(name));
    const plan = planEntries(dumps, records, {
      entries: previous.entries,
      affected: affectedStories([...scan.read, ...gone], previous, records),
    });
    // Into a folder that held no entries, this run wrote all there is (or, checking, nothing).
    const existing = fresh ? new Set(check ? [] : scan.written) : listEntries(outDir);
    const toRender = [...plan.entries].filter(([slug, entry]) => {
      // The common case: the scan already wrote it exactly as planned.
      if (entry.sources.length === 1 && entry.from.ref.slug === slug && scan.settled.has(slug)) return false;
      return (
        !existing.has(slug) ||
        previous.entries[slug] !== entry.signature ||
        entry.sources.some((source) => scan.read.has(source.file))
      );
    });
    const unplanned = [...existing].filter((slug) => !plan.entries.has(slug));
    // A file the scan itself wrote under a slug the plan then lengthened (a
    // clash) was never an entry: it goes, but is not reported as removed.
    const scanned = new Set(scan.written);
    const removed = unplanned.filter((slug) => !scanned.has(slug)).sort();
    const rendered = await renderEntries(toRender, dumps, inDir, outDir, check, getPool, options.onProgress);
    const written = new Set([...scan.written, ...rendered.written]);
    for (const slug of written) if (!plan.entries.has(slug)) written.delete(slug);

    const changed = scan.read.size > 0 || scan.touched > 0 || gone.length > 0 || written.size > 0 || unplanned.length > 0 || rendered.failed.length > 0;
    if (!check && changed) {
      for (const slug of unplanned) rmSync(path.join(outDir, `${slug}.md`), { force: true });
      const entries = Object.fromEntries([...plan.entries].map(([slug, entry]) => [slug, entry.signature]));
      // An entry that failed to render is left out, so the next run tries it again.
      for (const failed of rendered.failed) delete entries[failed];
      saveManifest(outDir, { version, files: Object.fromEntries(records), entries });
    }

    const rejected = [...collectRejections(records), ...rendered.rejected];
    const articles = [...records.values()].reduce((sum, record) => sum + record.articles.length, 0);
    return {
      files: dumps.length,
      filesRead: scan.read.size,
      emptyFiles: [...records].filter(([, r]) => r.articles.length === 0 && r.errors.length === 0).map(([name]) => name),
      skipped,
      articles,
      entries: plan.entries.size,
      duplicatesMerged: articles - plan.entries.size,
      written: [...written].sort(),
      removed,
      rejected,
      stale: written.size > 0 || removed.length > 0,
    };
  } finally {
    await pool?.close();
  }
}

/**
 * The workers' environment: each compiles the ingest's modules (zod, remark,
 * js-yaml) afresh, and Node's compile cache on disk halves that from the
 * second run on, unless the user chose a cache or turned it off.
 */
function workerEnv(): NodeJS.ProcessEnv {
  if (process.env.NODE_COMPILE_CACHE || process.env.NODE_DISABLE_COMPILE_CACHE) return process.env;
  return { ...process.env, NODE_COMPILE_CACHE: path.join(tmpdir(), 'node-compile-cache') };
}

/** The workers, or this thread when `work` (dumps or entries) is small. */
type GetPool = (work: number) => { run(task: ScanTask | RenderTask): Promise<ScanResult | RenderResult> };

/** Ids of every story in the given dumps, before and after this run's changes. */
function affectedStories(names: string[], previous: Manifest, records: Map<string, FileRecord>): Set<string> {
  const ids = new Set<string>();
  for (const name of names) {
    for (const ref of previous.files[name]?.articles ?? []) ids.add(ref.id);
    for (const ref of records.get(name)?.articles ?? []) ids.add(ref.id);
  }
  return ids;
}

/** What reading the dumps found and did. */
interface ScanSummary {
  records: Map<string, FileRecord>;
  /** Dumps read in this run whose bytes changed (the others were unchanged). */
  read: Set<string>;
  /** How many dumps had a new time but the same bytes (their manifest entries need the new time). */
  touched: number;
  /** Entries the scan wrote (or, dry, would write). */
  written: string[];
  /** Entries the scan wrote or found identical, for a story standing in that one dump. */
  settled: Set<string>;
}

/**
 * Reuse the record of every dump whose size and time are unchanged; read the
 * others in the workers, which write their new entries as they go.
 */
async function readRecords(
  dumps: DumpFile[],
  previous: Manifest,
  outDir: string,
  dryRun: boolean,
  fresh: boolean,
  getPool: GetPool,
  onProgress: IngestOptions['onProgress'],
): Promise<ScanSummary> {
  const records = new Map<string, FileRecord>();
  const stats = new Map<string, { size: number; mtimeMs: number }>();
  const changed: DumpFile[] = [];
  for (const dump of dumps) {
    const { size, mtimeMs } = statSync(dump.path);
    stats.set(dump.name, { size, mtimeMs });
    const known = previous.files[dump.name];
    if (known && known.size === size && known.mtimeMs === mtimeMs) records.set(dump.name, known);
    else changed.push(dump);
  }

  const written: string[] = [];
  const settled = new Set<string>();
  // Dumps whose time changed but whose bytes did not: nothing of theirs changes.
  const touched = new Set<string>();
  let done = 0;
  const batches: Promise<void>[] = [];
  for (let i = 0; i < changed.length; i += SCAN_BATCH) {
    const files = changed.slice(i, i + SCAN_BATCH).map((dump) => ({ ...dump, hash: previous.files[dump.name]?.hash }));
    batches.push(
      getPool(changed.length)
        .run({ kind: 'scan', files, outDir, fresh })
        .then((result) => {
          if (!dryRun) writeEntries((result as ScanResult).writes);
          for (const scanned of (result as ScanResult).records) {
            const { name } = scanned;
            const stat = stats.get(name) as { size: number; mtimeMs: number };
            if (scanned.same) {
              records.set(name, { ...(previous.files[name] as FileRecord), ...stat });
              touched.add(name);
              continue;
            }
            records.set(name, { ...stat, ...scanned.record });
            for (const [slug, outcome] of Object.entries(scanned.outcomes)) {
              if (outcome === 'written') written.push(slug);
              if (outcome !== 'deferred') settled.add(slug);
            }
          }
          done += files.length;
          onProgress?.('read', done, changed.length);
        }),
    );
  }
  await Promise.all(batches);
  // Keep the dumps' order, whatever order the workers finished in.
  const ordered = new Map(dumps.flatMap((dump) => (records.has(dump.name) ? [[dump.name, records.get(dump.name) as FileRecord]] : [])));
  const read = new Set(changed.map((dump) => dump.name).filter((name) => !touched.has(name)));
  return { records: ordered, read, touched: touched.size, written, settled };
}


/** Whether the output folder holds any entry file (stops at the first). */
function holdsEntries(outDir: string): boolean {
  let dir;
  try {
    dir = opendirSync(outDir);
  } catch {
    return false;
  }
  try {
    for (let entry = dir.readSync(); entry; entry = dir.readSync()) if (entry.name.endsWith('.md')) return true;
    return false;
  } finally {
    dir.closeSync();
  }
}

/** The slugs of the entry files in the output folder. */
function listEntries(outDir: string): Set<string> {
  try {
    return new Set(
      readdirSync(outDir)
        .filter((name) => name.endsWith('.md') && !name.startsWith('.'))
        .map((name) => name.slice(0, -3)),
    );
  } catch {
    return new Set();
  }
}

/** Render the entries that may have changed, one task per dump they are written from. */
async function renderEntries(
  toRender: [string, PlannedEntry][],
  dumps: DumpFile[],
  inDir: string,
  outDir: string,
  dryRun: boolean,
  getPool: GetPool,
  onProgress: IngestOptions['onProgress'],
): Promise<{ written: string[]; failed: string[]; rejected: Rejection[] }> {
  const byFile = new Map<string, RenderTask>();
  const paths = new Map(dumps.map((dump) => [dump.name, dump.path]));
  for (const [slug, entry] of toRender) {
    const name = entry.from.name;
    const task: RenderTask = byFile.get(name) ?? {
      kind: 'render',
      path: paths.get(name) ?? path.join(inDir, name),
      name,
      outDir,
      items: [],
    };
    task.items.push({ index: entry.from.ref.index, slug, sources: entry.sources });
    byFile.set(name, task);
  }

  const written: string[] = [];
  const failed: string[] = [];
  const rejected: Rejection[] = [];
  let done = 0;
  await Promise.all(
    [...byFile.values()].map(async (task) => {
      const result = (await getPool(toRender.length).run(task)) as RenderResult;
      if (!dryRun) writeEntries(result.writes);
      written.push(...result.written);
      for (const error of result.errors) rejected.push({ file: task.name, ...error });
      if (result.errors.length > 0) {
        const ok = new Set(result.written);
        failed.push(...task.items.map((item) => item.slug).filter((slug) => !ok.has(slug)));
      }
      done += task.items.length;
      onProgress?.('write', done, toRender.length);
    }),
  );
  return { written, failed, rejected };
}

/** Write entry files, one after the other, from this thread while the workers go on. */
function writeEntries(writes: FileWrites): void {
  for (const [file, content] of unpack(writes)) writeFileSync(file, content);
}

function collectRejections(records: Map<string, FileRecord>): Rejection[] {
  return [...records].flatMap(([file, record]) => record.errors.map((error) => ({ file, ...error })));
}

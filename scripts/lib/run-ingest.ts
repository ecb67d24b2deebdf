/**
 * The ingest run: read the dumps that changed since the last run, merge
 * duplicate stories, write the entries whose content changed (or whose file
 * is no longer as written) and remove those whose source is gone, touching
 * only files the manifest records as the ingest's own.
 */
import { existsSync, mkdirSync, opendirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { findIntact, removeOwned, removeTemporaryFiles, writeFileAtomic, writePacked, type FileFailure } from './entry-files.ts';
import { IngestError } from '../../src/lib/ingest/errors.ts';
import { emptyLedger, parseLedger, serializeLedger, type Ledger } from '../../src/lib/identity/ledger.ts';
import { CACHE_DIR_NAME, knowledgeVersion, pruneKnowledgeCache, type KnowledgeCache } from './knowledge-stage.ts';
import { MANIFEST_NAME, ingestVersion, loadManifest, saveManifest, type LoadedManifest, type Manifest, type OwnedFile } from './ingest-manifest.ts';
import type { FileRecord, ReadError, RenderResult, RenderTask, ScanResult, ScanTask } from './ingest-protocol.ts';
import { listDumps, type DumpFile, type Unlisted } from './list-dumps.ts';
import { planEntries, type Plan, type PlannedEntry } from './plan-entries.ts';
import { createWorkerPool } from './worker-pool.ts';
import { FilePacker } from './packed-files.ts';
import { checkFolders, foreignFiles, makeFolder, UsageError } from './out-folder.ts';
import { LOCK_NAME, takeLock } from './out-lock.ts';
import { runTask } from './ingest-worker.ts';

/** How to run. */
export interface IngestOptions {
  inDir: string;
  outDir: string;
  /** Compare only: write and remove nothing, report what is stale (and verify each entry's hash). */
  check?: boolean;
  /** Verify every entry's hash, not only its size, and repair what differs (`check` always does). */
  verify?: boolean;
  /** Write into a folder that holds other files and no manifest (still removing only the ingest's own files). */
  force?: boolean;
  /** Extract people, places, organisations, dates and quotes into each entry (default: true). */
  extract?: boolean;
  /** Worker threads (default: one per core). */
  workers?: number;
  /** The URL ledger (default: `.url-ledger.txt` inside `outDir`; the archive's own run keeps it in git). */
  ledger?: string;
  /** The working folder, which `outDir` may not be (default: `process.cwd()`). */
  cwd?: string;
  /** Called as work completes, for a progress bar. */
  onProgress?: (phase: 'read' | 'write', done: number, total: number) => void;
}

/** Something that could not be read, written or removed, with where. */
export interface Rejection extends ReadError {
  /** Relative to the input folder, or with `folder: 'out'` to the output folder. */
  file: string;
  folder?: 'out';
}

/** What a run did. */
export interface IngestSummary {
  /** Dump files found, and how many of them had to be read (the others were unchanged). */
  files: number;
  filesRead: number;
  emptyFiles: string[];
  /** What the input folder holds that was passed over, and why: files that are not `.txt`, hidden ones, links that would leave the folder or read a file twice. */
  skipped: Unlisted[];
  /** Articles read, entries they make, and the difference: copies merged into one entry. */
  articles: number;
  entries: number;
  duplicatesMerged: number;
  /** Slugs written (or, with `check`, that would be). */
  written: string[];
  /** Entry files removed (or that would be) because their story is gone, by name in the output folder. */
  removed: string[];
  /** Entries rewritten because their file was missing or not as written (with `check`: would be). */
  repaired: string[];
  /** Whole files and articles that could not be read, and entries that could not be written or removed. */
  rejected: Rejection[];
  /** What the user should know that is not an error: a stale lock taken over, a manifest that could not be used. */
  notes: string[];
  /** Redirects from older URLs of live stories to their current ones. */
  redirects: number;
  /** The ledger changed (with `check`: would change). */
  ledgerChanged: boolean;
  /** With `check`: true when the entries on disk do not match the dumps. */
  stale: boolean;
}

/** Default name of the URL ledger inside the output folder (for runs other than the archive's own). */
export const LEDGER_NAME = '.url-ledger.txt';
/** The redirects the site builds, written beside the entries: `[{ from, to }]` slugs, sorted. */
export const REDIRECTS_NAME = '.redirects.json';

const SCAN_BATCH = 16;
const WORKER = new URL('./ingest-worker.ts', import.meta.url);
// Below this many dumps or entries to work on, starting worker threads costs
// more than it saves: a one-file correction runs in this thread.
const INLINE_LIMIT = 8;

/** The ingest's own hidden files in the output folder: the manifest, the lock, temporary files. */
const isOwnHidden = (name: string) => name === MANIFEST_NAME || name === CACHE_DIR_NAME || name === LEDGER_NAME || name === REDIRECTS_NAME || name.startsWith(LOCK_NAME) || (name.startsWith('.') && name.endsWith('.tmp'));

/**
 * Run the ingest.
 *
 * @param options Folders and mode.
 * @returns What was read, written, removed and rejected.
 * @throws UsageError when the folders are refused or another run holds the output folder; nothing was touched.
 */
export async function runIngest(options: IngestOptions): Promise<IngestSummary> {
  const { check = false } = options;
  const cwd = options.cwd ?? process.cwd();
  checkFolders({ inDir: options.inDir, outDir: options.outDir, cwd });
  // Messages name the folders as the user gave them; the work uses absolute paths.
  const shown = options.outDir;
  const [inDir, outDir] = [path.resolve(cwd, options.inDir), path.resolve(cwd, options.outDir)];
  if (!check) makeFolder(outDir);
  const lock = check ? undefined : takeLock(outDir, shown);
  try {
    const notes: string[] = [];
    if (lock?.tookOverFrom !== undefined) {
      // That run was killed: its half-written temporary file, if any, goes too.
      removeTemporaryFiles(outDir, lock.tookOverFrom);
      notes.push(`took over the lock of a run that is gone (process ${lock.tookOverFrom})`);
    }
    const ledgerFile = path.resolve(cwd, options.ledger ?? path.join(options.outDir, LEDGER_NAME));
    const ledger = readLedger(ledgerFile, options.ledger ?? path.join(shown, LEDGER_NAME));
    // Entries with and without the knowledge fields differ: each has its own version.
    const loaded = loadManifest(outDir, ingestVersion(options.extract !== false));
    if (!loaded.found && !options.force) refuseForeign(outDir, shown);
    if (loaded.problem) notes.push(`${MANIFEST_NAME}: ${loaded.problem}; nothing is removed this run, and a new manifest is written`);
    // A run killed midway then leaves a folder recognisably the ingest's.
    if (!loaded.found && !check) saveManifest(outDir, loaded.manifest);
    return { ...(await ingestInto({ ...options, inDir, outDir, ledger: ledgerFile }, loaded, ledger)), notes };
  } finally {
    lock?.release();
  }
}

/**
 * Read the URL ledger: missing is a first run; damaged or contradictory stops
 * the run before anything is touched, since going on would re-slug the archive.
 */
function readLedger(file: string, shown: string): { ledger: Ledger; text: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ledger: emptyLedger(), text: '' };
    throw new UsageError(`${shown}: cannot read the URL ledger (${(error as Error).message})`);
  }
  try {
    return { ledger: parseLedger(text, shown), text };
  } catch (error) {
    if (error instanceof IngestError) {
      throw new UsageError(`${error.file}:${error.line}: ${error.reason}; the URL ledger is left as it is and nothing was written: fix the line (git shows what changed) and run again`);
    }
    throw error;
  }
}

function refuseForeign(outDir: string, shown: string): void {
  const foreign = foreignFiles(outDir, isOwnHidden);
  if (foreign.length === 0) return;
  throw new UsageError(
    `${shown}: holds other files (${foreign.join(', ')}${foreign.length === 3 ? ', …' : ''}) and no ${MANIFEST_NAME}, so they are not the ingest's: ` +
      'expected an empty or new folder, or one the ingest wrote; --force writes there anyway, and still removes only files the ingest wrote',
  );
}

/** The run proper, in a folder the ingest may write to and holds. */
async function ingestInto(options: IngestOptions, loaded: LoadedManifest, old: { ledger: Ledger; text: string }): Promise<Omit<IngestSummary, 'notes'>> {
  const { inDir, outDir, check = false } = options;
  const previous = loaded.manifest;
  const knowledge: KnowledgeCache | undefined =
    options.extract === false ? undefined : { dir: path.join(outDir, CACHE_DIR_NAME), version: knowledgeVersion(), write: !check };
  if (knowledge?.write && !existsSync(knowledge.dir)) {
    try {
      mkdirSync(knowledge.dir);
    } catch {
      knowledge.write = false;
    }
  }
  const { dumps, skipped, unreadable } = listDumps(inDir, [outDir]);
  const size = Math.max(1, options.workers ?? availableParallelism());
  let pool: ReturnType<typeof createWorkerPool<ScanTask | RenderTask, ScanResult | RenderResult>> | undefined;
  const getPool: GetPool = (work) =>
    pool || work > INLINE_LIMIT || options.workers !== undefined ? (pool ??= createWorkerPool(WORKER, size, 2, { env: workerEnv() })) : { run: runTask };

  try {
    const fresh = !holdsEntries(outDir);
    const scan = await readRecords({ dumps, previous, outDir, dryRun: check, fresh, getPool, onProgress: options.onProgress, knowledge });
    const { records } = scan;
    const gone = Object.keys(previous.files).filter((name) => !records.has(name));
    const plan = planEntries(dumps, records, {
      read: scan.read,
      departed: [...scan.read, ...gone].flatMap((name) => previous.files[name]?.articles ?? []),
      ledger: old.ledger,
    });

    // What stands on disk as the ingest wrote it: what the scan just wrote or
    // found, and owned files of the right size (and, checking, hash).
    const unsure = [...plan.entries.keys()].map(entryName).filter((name) => !scan.produced.has(name) && !scan.failed.has(name));
    const intact = fresh ? new Set<string>() : findIntact(outDir, previous.owned, unsure, check || options.verify === true);
    const repaired: string[] = [];
    const toRender = [...plan.entries].filter(([slug, entry]) => {
      const name = entryName(slug);
      if (scan.failed.has(name)) return false;
      // The common case: the scan already wrote it exactly as planned.
      if (entry.sources.length === 1 && entry.from.ref.slug === slug && entry.id === entry.from.ref.id && scan.settled.has(slug)) return false;
      const onDisk = scan.produced.has(name) || intact.has(name);
      if (!onDisk && previous.owned[name]) repaired.push(slug);
      return !onDisk || previous.entries[slug] !== entry.signature || entry.sources.some((source) => scan.read.has(source.file));
    });
    const rendered = await renderEntries({ toRender, dumps, inDir, outDir, dryRun: check, getPool, onProgress: options.onProgress, knowledge });
    const produced = new Map([...scan.produced, ...rendered.produced]);

    // Only files the manifest records as the ingest's are removed, and a file
    // the scan itself wrote under a slug the plan then lengthened (a clash),
    // which was never an entry and is not reported.
    const planned = new Set([...plan.entries.keys()].map(entryName));
    const stale = Object.keys(previous.owned).filter((name) => !planned.has(name)).sort();
    const strays = [...scan.written].filter((name) => !planned.has(name) && !previous.owned[name]);
    const removal = check ? { removed: stale.filter((name) => existsSync(path.join(outDir, name))), failed: [] } : removeOwned(outDir, stale);
    if (!check) removeOwned(outDir, strays);

    const urls = saveUrls({ outDir, ledgerFile: options.ledger as string, old: old.text, plan, dryRun: check });
    const written = new Set([...scan.written, ...rendered.written].filter((name) => planned.has(name)).map((name) => name.slice(0, -3)));
    const writeFailures = [...scan.failures, ...rendered.failures];
    const failedSlugs = new Set([...rendered.failed, ...writeFailures.map((failure) => failure.name.slice(0, -3))]);
    const changed =
      urls.changed ||
      scan.read.size > 0 || scan.touched > 0 || gone.length > 0 || written.size > 0 || stale.length > 0 || failedSlugs.size > 0 || repaired.length > 0 || loaded.problem !== undefined;
    if (!check && changed) {
      const entries = Object.fromEntries([...plan.entries].map(([slug, entry]) => [slug, entry.signature]));
      // An entry that failed is left out, so the next run tries it again.
      for (const slug of failedSlugs) delete entries[slug];
      const owned: Manifest['owned'] = {};
      for (const name of planned) {
        const file = produced.get(name) ?? previous.owned[name];
        if (file) owned[name] = file;
      }
      const removed = new Set(removal.removed);
      for (const failure of removal.failed) if (!failure.reason.startsWith('is no longer')) owned[failure.name] = previous.owned[failure.name] as OwnedFile;
      for (const name of stale) if (!removed.has(name) && !existsSync(path.join(outDir, name))) delete owned[name];
      saveManifest(outDir, { version: previous.version, files: Object.fromEntries(records), entries, owned });
      if (knowledge && scan.read.size > 0) pruneKnowledgeCache(knowledge, new Set([...records.values()].map((record) => record.hash)));
    }

    const outRejections = [...writeFailures, ...removal.failed].map(
      (failure): Rejection => ({ folder: 'out', file: failure.name, kind: 'file', line: 0, reason: failure.reason }),
    );
    const unlisted = unreadable.map((item): Rejection => ({ file: item.name, kind: 'file', line: 0, reason: item.reason }));
    const rejected = [...unlisted, ...collectRejections(records), ...rendered.rejected, ...outRejections];
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
      removed: removal.removed,
      repaired: repaired.sort(),
      rejected,
      redirects: plan.redirects.length,
      ledgerChanged: urls.ledgerChanged,
      stale: written.size > 0 || removal.removed.length > 0 || urls.changed,
    };
  } finally {
    await pool?.close();
  }
}

const entryName = (slug: string) => `${slug}.md`;

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

/**
 * Keep the URL ledger and the redirects file current: written only when they
 * change (with `dryRun`, only compared).
 */
function saveUrls(options: { outDir: string; ledgerFile: string; old: string; plan: Plan; dryRun: boolean }): { changed: boolean; ledgerChanged: boolean } {
  const ledger = serializeLedger(options.plan.ledger);
  const redirectsFile = path.join(options.outDir, REDIRECTS_NAME);
  const redirects = `${JSON.stringify(options.plan.redirects)}\n`;
  const ledgerChanged = ledger !== options.old;
  const redirectsChanged = (existsSync(redirectsFile) ? readFileSync(redirectsFile, 'utf8') : undefined) !== redirects;
  if (!options.dryRun) {
    if (ledgerChanged) {
      mkdirSync(path.dirname(options.ledgerFile), { recursive: true });
      writeFileAtomic(options.ledgerFile, ledger);
    }
    if (redirectsChanged) writeFileAtomic(redirectsFile, redirects);
  }
  return { changed: ledgerChanged || redirectsChanged, ledgerChanged };
}

/** What reading the dumps found and did. */
interface ScanSummary {
  records: Map<string, FileRecord>;
  /** Dumps read in this run whose bytes changed (the others were unchanged). */
  read: Set<string>;
  /** How many dumps had a new time but the same bytes (their manifest entries need the new time). */
  touched: number;
  /** Entry files the scan wrote (or, dry, would write), by name. */
  written: Set<string>;
  /** Entry files on disk as written, by name: written by the scan or found identical. */
  produced: Map<string, OwnedFile>;
  /** Entry files the scan could not write, by name, and why. */
  failed: Set<string>;
  failures: FileFailure[];
  /** Entries the scan wrote or found identical, for a story standing in that one dump. */
  settled: Set<string>;
}

/** What `readRecords` works with. */
interface ScanOptions {
  dumps: DumpFile[];
  previous: Manifest;
  outDir: string;
  /** Write nothing. */
  dryRun: boolean;
  /** The output folder holds no entries: nothing to compare with. */
  fresh: boolean;
  getPool: GetPool;
  onProgress: IngestOptions['onProgress'];
  /** The extraction stage's cache, when extracting. */
  knowledge?: KnowledgeCache;
}

/**
 * Reuse the record of every dump whose size and time are unchanged; read the
 * others in the workers, which plan their new entries as they go.
 */
async function readRecords({ dumps, previous, outDir, dryRun, fresh, getPool, onProgress, knowledge }: ScanOptions): Promise<ScanSummary> {
  const records = new Map<string, FileRecord>();
  const stats = new Map<string, { size: number; mtimeMs: number }>();
  const changed: DumpFile[] = [];
  for (const dump of dumps) {
    const { size, mtimeMs } = statSync(dump.path, { throwIfNoEntry: false }) ?? { size: -1, mtimeMs: 0 };
    stats.set(dump.name, { size, mtimeMs });
    const known = previous.files[dump.name];
    // A file that could not be read has no hash: it is tried again (a chmod changes no size or time).
    if (known && known.size === size && known.mtimeMs === mtimeMs && known.hash !== '') records.set(dump.name, known);
    else changed.push(dump);
  }

  const summary: ScanSummary = { records, read: new Set(), touched: 0, written: new Set(), produced: new Map(), failed: new Set(), failures: [], settled: new Set() };
  // Dumps whose time changed but whose bytes did not: nothing of theirs changes.
  const touched = new Set<string>();
  let done = 0;
  const batches: Promise<void>[] = [];
  for (let i = 0; i < changed.length; i += SCAN_BATCH) {
    const files = changed.slice(i, i + SCAN_BATCH).map((dump) => ({ ...dump, hash: previous.files[dump.name]?.hash }));
    batches.push(
      getPool(changed.length)
        .run({ kind: 'scan', files, outDir, fresh, ...(knowledge ? { knowledge } : {}) })
        .then(
          (result) => {
            const scanned = result as ScanResult;
            for (const [name, file] of Object.entries(scanned.unchanged)) summary.produced.set(name, file);
            const writes = dryRun ? undefined : writePacked(scanned.writes);
            for (const [name, file] of writes?.written ?? []) summary.produced.set(name, file);
            for (const failure of writes?.failed ?? []) {
              summary.failed.add(failure.name);
              summary.failures.push(failure);
            }
            for (const record of scanned.records) {
              const { name } = record;
              const stat = stats.get(name) as { size: number; mtimeMs: number };
              if (record.same) {
                records.set(name, { ...(previous.files[name] as FileRecord), ...stat });
                touched.add(name);
                continue;
              }
              records.set(name, { ...stat, ...record.record });
              for (const [slug, outcome] of Object.entries(record.outcomes)) {
                if (summary.failed.has(entryName(slug))) continue;
                if (outcome === 'written') summary.written.add(entryName(slug));
                if (outcome !== 'deferred') summary.settled.add(slug);
              }
            }
          },
          // A fault of the ingest (a worker that crashed or ran out of memory)
          // costs these dumps, not the run.
          (error: unknown) => {
            const reason = `internal error, please report it: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}`;
            for (const file of files) {
              records.set(file.name, { ...(stats.get(file.name) as { size: number; mtimeMs: number }), hash: '', articles: [], errors: [{ kind: 'file', line: 0, reason, internal: true }] });
            }
          },
        )
        .then(() => {
          done += files.length;
          onProgress?.('read', done, changed.length);
        }),
    );
  }
  await Promise.all(batches);
  // Keep the dumps' order, whatever order the workers finished in.
  summary.records = new Map(dumps.flatMap((dump) => (records.has(dump.name) ? [[dump.name, records.get(dump.name) as FileRecord]] : [])));
  summary.read = new Set(changed.map((dump) => dump.name).filter((name) => !touched.has(name)));
  summary.touched = touched.size;
  return summary;
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

/** What `renderEntries` works with. */
interface RenderOptions {
  toRender: [string, PlannedEntry][];
  dumps: DumpFile[];
  inDir: string;
  outDir: string;
  /** Write nothing. */
  dryRun: boolean;
  getPool: GetPool;
  onProgress: IngestOptions['onProgress'];
  /** The extraction stage's cache, when extracting. */
  knowledge?: KnowledgeCache;
}

/** What rendering did. */
interface RenderSummary {
  /** Entry files written (or, dry, that would be), by name. */
  written: string[];
  /** Entry files on disk as written, by name: written now or found identical. */
  produced: Map<string, OwnedFile>;
  /** Slugs whose article could not be read again. */
  failed: string[];
  /** Entry files that could not be written. */
  failures: FileFailure[];
  rejected: Rejection[];
}

/** Render the entries that may have changed, one task per dump they are written from. */
async function renderEntries({ toRender, dumps, inDir, outDir, dryRun, getPool, onProgress, knowledge }: RenderOptions): Promise<RenderSummary> {
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
      ...(knowledge ? { knowledge } : {}),
    };
    const versions = entry.copies.length > 1 ? entry.copies.map((copy) => ({ path: paths.get(copy.name) ?? path.join(inDir, copy.name), name: copy.name, index: copy.ref.index })) : undefined;
    task.items.push({ index: entry.from.ref.index, slug, id: entry.id, sources: entry.sources, versions });
    byFile.set(name, task);
  }

  const summary: RenderSummary = { written: [], produced: new Map(), failed: [], failures: [], rejected: [] };
  let done = 0;
  await Promise.all(
    [...byFile.values()].map(async (task) => {
      let result: RenderResult;
      try {
        result = (await getPool(toRender.length).run(task)) as RenderResult;
      } catch (error) {
        const reason = `internal error, please report it: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}`;
        result = { kind: 'render', written: [], unchanged: {}, errors: [{ kind: 'file', line: 0, reason, internal: true }], writes: new FilePacker().pack() };
      }
      for (const [name, file] of Object.entries(result.unchanged)) summary.produced.set(name, file);
      const writes = dryRun ? undefined : writePacked(result.writes);
      for (const [name, file] of writes?.written ?? []) summary.produced.set(name, file);
      summary.failures.push(...(writes?.failed ?? []));
      const failedNames = new Set(writes?.failed.map((failure) => failure.name));
      summary.written.push(...result.written.map(entryName).filter((name) => !failedNames.has(name)));
      for (const error of result.errors) summary.rejected.push({ file: task.name, ...error });
      if (result.errors.length > 0) {
        const ok = new Set(result.written);
        for (const name of Object.keys(result.unchanged)) ok.add(name.slice(0, -3));
        summary.failed.push(...task.items.map((item) => item.slug).filter((slug) => !ok.has(slug)));
      }
      done += task.items.length;
      onProgress?.('write', done, toRender.length);
    }),
  );
  return summary;
}

function collectRejections(records: Map<string, FileRecord>): Rejection[] {
  return [...records].flatMap(([file, record]) => record.errors.map((error) => ({ file, ...error })));
}

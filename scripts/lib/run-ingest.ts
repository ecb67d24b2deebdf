/**
 * The ingest run: read the dumps that changed since the last run, merge
 * duplicate stories, write the entries whose content changed (or whose file
 * is no longer as written) and remove those whose source is gone, touching
 * only files the manifest records as the ingest's own.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { removeOwned, removeTemporaryFiles } from './entry-files.ts';
import { CACHE_DIR_NAME, openKnowledgeCache, pruneKnowledgeCache } from './knowledge-stage.ts';
import { MANIFEST_NAME, ingestVersion, loadManifest, saveManifest, type LoadedManifest, type Manifest } from './ingest-manifest.ts';
import type { FileRecord, GetPool, Rejection, RenderResult, RenderTask, ScanResult, ScanTask, WriteResult, WriteTask } from './ingest-protocol.ts';
import type { IngestOptions, IngestSummary } from './ingest-options.ts';
import { listDumps, type DumpListing } from './list-dumps.ts';
import { planEntries } from '../../src/lib/identity/plan-entries.ts';
import { chooseRenders, previousEntryFinder, renderEntries } from './repair-pass.ts';
import { holdsEntries, readRecords } from './scan-pass.ts';
import { LEDGER_NAME, REDIRECTS_NAME, readLedger, saveUrls, type ReadLedger } from './url-files.ts';
import { createWorkerPool } from './worker-pool.ts';
import { DELTA_NAME } from './manifest-delta.ts';
import { entryName } from '../../src/lib/ingest/slug.ts';
import { SKETCHES_NAME } from './sketch-file.ts';
import { articleCount } from './stored-record.ts';
import { surveySizes, type FileSizes, type SizeAndTime, type SizeSurvey } from './stat-sizes.ts';
import { checkFolders, foreignFiles, makeFolder, UsageError } from './out-folder.ts';
import { LOCK_NAME, takeLock } from './out-lock.ts';

export type { Rejection } from './ingest-protocol.ts';
export { LEDGER_NAME, REDIRECTS_NAME } from './url-files.ts';

const WORKER = new URL('./ingest-worker.ts', import.meta.url);
// Below this many dumps to read, starting worker threads costs more than it
// saves: a one-file correction, and the entries it renders again, run in this thread.
const INLINE_LIMIT = 8;

/** The ingest's own hidden files in the output folder: the manifest, the lock, temporary files. */
const isOwnHidden = (name: string) =>
  name === MANIFEST_NAME ||
  name === DELTA_NAME ||
  name === SKETCHES_NAME ||
  name === CACHE_DIR_NAME ||
  name === LEDGER_NAME ||
  name === REDIRECTS_NAME ||
  name.startsWith(LOCK_NAME) ||
  (name.startsWith('.') && name.endsWith('.tmp'));

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
  const fresh = !holdsEntries(outDir);
  let survey: SizeSurvey | undefined;
  try {
    // A re-run's walk of its dumps, its look at them and its check that its entry files are still as written start now, in a thread, while this one reads the manifest.
    if (!fresh && !check && !options.verify) survey = surveySizes(`${outDir}${path.sep}`, { inDir, exclude: [outDir] }, workerEnv());
    const notes: string[] = [];
    if (lock?.tookOverFrom !== undefined) {
      // That run was killed: its half-written temporary file, if any, goes too.
      removeTemporaryFiles(outDir, lock.tookOverFrom);
      notes.push(`took over the lock of a run that is gone (process ${lock.tookOverFrom})`);
    }
    // Entries with and without the knowledge fields differ: each has its own version.
    // The survey takes the owned files while this thread reads the rest.
    let sizes: Promise<FileSizes | undefined> | undefined;
    const loaded = loadManifest(outDir, ingestVersion(options.extract !== false), (owned) => {
      sizes = survey?.compare(owned).catch(() => undefined);
    });
    const retake = loaded.ownedSince;
    if (retake && retake.size > 0) sizes = sizes?.then((found) => found?.retaken(`${outDir}${path.sep}`, retake));
    const ledgerFile = path.resolve(cwd, options.ledger ?? path.join(options.outDir, LEDGER_NAME));
    const ledger = readLedger(ledgerFile, options.ledger ?? path.join(shown, LEDGER_NAME), loaded.manifest.ledger);
    if (!loaded.found && !options.force) refuseForeign(outDir, shown);
    if (loaded.problem) notes.push(`${MANIFEST_NAME}: ${loaded.problem}; nothing is removed this run, and a new manifest is written`);
    // A run killed midway then leaves a folder recognisably the ingest's.
    if (!loaded.found && !check) saveManifest(outDir, loaded.manifest);
    // A thread that could not list the dumps leaves it to this one, which meets the same error.
    const surveyed = await survey?.dumps.catch(() => undefined);
    const listing = surveyed?.listing ?? listDumps(inDir, [outDir]);
    const times = surveyed?.listing ? surveyed.times : undefined;
    return {
      ...(await ingestInto({ ...options, inDir, outDir, ledger: ledgerFile }, loaded, ledger, { fresh, times, sizes, helpSizes: survey?.help, listing })),
      notes,
    };
  } finally {
    survey?.stop();
    lock?.release();
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

// Work too small for workers runs on this thread. The workers' modules (remark,
// zod, the parser) load only then: a run with workers does not wait for this
// thread to load what only they use before starting them.
const inline: ReturnType<GetPool> = {
  run: async (task) => (await import('./ingest-worker.ts')).runTask(typeof task === 'function' ? task()[0] : task),
};

/** The run proper, in a folder the ingest may write to and holds. */
async function ingestInto(
  options: IngestOptions,
  loaded: LoadedManifest,
  old: ReadLedger,
  {
    fresh,
    times,
    sizes,
    helpSizes,
    listing,
  }: {
    fresh: boolean;
    /** The dumps' sizes and times, as the survey's thread took them. */
    times: SizeAndTime[] | undefined;
    /** The owned files' sizes, being taken there too. */
    sizes: Promise<FileSizes | undefined> | undefined;
    /** Takes this thread's share of them, when it has nothing else to do. */
    helpSizes: (() => void) | undefined;
    listing: DumpListing;
  },
): Promise<Omit<IngestSummary, 'notes'>> {
  const { inDir, outDir, check = false } = options;
  const previous = loaded.manifest;
  const knowledge = openKnowledgeCache(outDir, { extract: options.extract !== false, check });
  const { dumps, skipped, unreadable } = listing;
  const size = Math.max(1, options.workers ?? availableParallelism());
  let pool: ReturnType<typeof createWorkerPool<ScanTask | RenderTask | WriteTask, ScanResult | RenderResult | WriteResult>> | undefined;
  const getPool: GetPool = (work) =>
    pool || work > INLINE_LIMIT || options.workers !== undefined ? (pool ??= createWorkerPool(WORKER, size, 2, { env: workerEnv() })) : inline;

  try {
    const verify = check || options.verify === true;
    const scan = await readRecords({
      dumps,
      times,
      previous,
      outDir,
      dryRun: check,
      fresh,
      getPool,
      onProgress: options.onProgress,
      knowledge,
    });
    const { records } = scan;
    const gone = Object.keys(previous.files).filter((name) => !records.has(name));
    const since = { read: scan.read, departed: [...scan.read, ...gone].flatMap((name) => previous.files[name]?.articles ?? []), ledger: old.ledger };
    // Stories nothing touched keep the last run's entries, when its ledger is
    // the one read and it wrote every story's entry (verifying looks at every entry anyway).
    const carry = !verify && old.own && previous.stories === previous.entries.size;

    let plan = planEntries(dumps, records, carry ? { ...since, entries: previous.entries } : since);
    helpSizes?.();
    // The scan's last entry files were written meanwhile, in a worker.
    await scan.writing;
    const checked = await sizes;
    let chosen = chooseRenders({ plan, scan, previous, outDir, fresh, verify, sizes: checked });
    if (chosen.unplanned > 0) {
      // A carried entry's file is missing or changed: it is rendered again from a whole plan.
      plan = planEntries(dumps, records, since);
      chosen = chooseRenders({ plan, scan, previous, outDir, fresh, verify, sizes: checked });
    }
    const { toRender, repaired } = chosen;
    const rendered = await renderEntries({
      toRender,
      dumps,
      inDir,
      outDir,
      dryRun: check,
      getPool,
      onProgress: options.onProgress,
      knowledge,
      previousEntry: previousEntryFinder(outDir, previous.owned, old.ledger),
      histories: previous.histories,
    });
    const produced = new Map([...scan.produced, ...rendered.produced]);

    // Only files the manifest records as the ingest's are removed, and a file
    // the scan itself wrote under a slug the plan then lengthened (a clash),
    // which was never an entry and is not reported.
    const plannedFiles = new Set(Array.from(plan.entries.values(), (entry) => entry.file));
    const { carried } = plan;
    const stories = plan.entries.size + carried.size;
    const isPlanned = (name: string) => plannedFiles.has(name) || (carried.size > 0 && carried.has(name.slice(0, -3)));
    // The owned files to remove. When the last run owned its entries' files
    // and no others, those of a re-run's untouched stories are all planned.
    const stale =
      carried.size > 0 && previous.owned.size === previous.entries.size
        ? [...carried.droppedSlugs].map(entryName).filter((name) => previous.owned.has(name) && !plannedFiles.has(name))
        : [...previous.owned.keys()].filter((name) => !isPlanned(name));
    stale.sort();
    const strays = [...scan.written].filter((name) => !isPlanned(name) && !previous.owned.has(name));
    const removal = check ? { removed: stale.filter((name) => existsSync(path.join(outDir, name))), failed: [] } : removeOwned(outDir, stale);
    if (!check) removeOwned(outDir, strays);

    const urls = saveUrls({ outDir, ledgerFile: options.ledger as string, old, plan, dryRun: check });
    const written = new Set([...scan.written, ...rendered.written].filter(isPlanned).map((name) => name.slice(0, -3)));
    const writeFailures = [...scan.failures, ...rendered.failures];
    const failedSlugs = new Set([...rendered.failed, ...writeFailures.map((failure) => failure.name.slice(0, -3))]);
    const changed =
      urls.changed ||
      scan.read.size > 0 ||
      scan.touched > 0 ||
      gone.length > 0 ||
      written.size > 0 ||
      stale.length > 0 ||
      failedSlugs.size > 0 ||
      repaired.length > 0 ||
      loaded.problem !== undefined;
    if (!check && changed) {
      const histories: Manifest['histories'] = {};
      for (const [slug, entry] of plan.entries) {
        const versions = rendered.histories.get(slug);
        const kept = previous.histories[slug];
        if (versions) histories[slug] = { signature: entry.signature, versions };
        else if (kept?.signature === entry.signature) histories[slug] = kept;
      }
      for (const slug in previous.histories) {
        const history = previous.histories[slug];
        if (history && carried.get(slug) === history.signature) histories[slug] = history;
      }
      // A removal that failed keeps its file's record; an entry that failed is left out, so the next run tries it again.
      const kept = new Set(removal.failed.filter((failure) => !failure.reason.startsWith('is no longer')).map((failure) => failure.name));
      const producedPlanned = [...produced].filter(([name]) => isPlanned(name));
      // The rows a re-run that carried entries over may have changed, for its delta.
      const rows =
        carried.size > 0
          ? {
              files: new Set([...scan.read, ...scan.retimed, ...gone]),
              entries: new Set([...carried.droppedSlugs, ...plan.entries.keys(), ...failedSlugs]),
              owned: new Set([...stale, ...produced.keys()]),
            }
          : undefined;
      const next = carried.size > 0 ? { ...previous } : { ...previous, files: Object.fromEntries(records), entries: new Map(), owned: new Map(previous.owned) };
      // A re-run that carried entries over changes the tables it read, row by row; another builds them anew.
      if (rows) {
        for (const name of rows.files) {
          const record = records.get(name);
          if (record) next.files[name] = record;
          else delete next.files[name];
        }
        for (const slug of carried.droppedSlugs) next.entries.delete(slug);
      }
      for (const [slug, entry] of plan.entries) next.entries.set(slug, entry.signature);
      for (const slug of failedSlugs) next.entries.delete(slug);
      for (const name of stale) if (!kept.has(name) || !existsSync(path.join(outDir, name))) next.owned.delete(name);
      for (const [name, file] of producedPlanned) next.owned.set(name, file);

      saveManifest(outDir, { ...next, histories, ledger: urls.ledgerHash, stories }, rows);
      if (knowledge && scan.read.size > 0) pruneKnowledgeCache(knowledge, new Set([...records.values()].map((record) => record.hash)));
    }

    const outRejections = [...writeFailures, ...removal.failed].map(
      (failure): Rejection => ({ folder: 'out', file: failure.name, kind: 'file', line: 0, reason: failure.reason }),
    );
    const unlisted = unreadable.map((item): Rejection => ({ file: item.name, kind: 'file', line: 0, reason: item.reason }));
    const rejected = [...unlisted, ...collectRejections(records), ...rendered.rejected, ...outRejections];
    const articles = [...records.values()].reduce((sum, record) => sum + articleCount(record), 0);
    return {
      files: dumps.length,
      filesRead: scan.read.size,
      emptyFiles: [...records].filter(([, r]) => articleCount(r) === 0 && r.errors.length === 0).map(([name]) => name),
      skipped,
      articles,
      entries: stories,
      duplicatesMerged: articles - stories,
      written: [...written].sort(),
      removed: removal.removed,
      repaired,
      rejected,
      redirects: plan.redirects.length,
      ledgerChanged: urls.ledgerChanged,
      extractMs: scan.extractMs + rendered.extractMs,
      stale: written.size > 0 || removal.removed.length > 0 || urls.changed,
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

function collectRejections(records: Map<string, FileRecord>): Rejection[] {
  return [...records].flatMap(([file, record]) => record.errors.map((error) => ({ file, ...error })));
}

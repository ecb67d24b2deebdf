/**
 * The ingest's first pass: read the dumps whose size or time changed (the
 * workers plan and pack the entries of stories that stand in one dump as they
 * go, and the main thread writes them), and reuse the record of the others.
 * The entries of the last batches are written after the scan, by a worker,
 * while the main thread plans the archive: that thread's work alone would
 * otherwise leave a core idle, and the scan before it is faster for the writes
 * it no longer waits for (DESIGN.md, "Running").
 */
import { opendirSync, statSync } from 'node:fs';
import path from 'node:path';
import { writePacked, type FileFailure } from './entry-files.ts';
import { entryName } from '../../src/lib/ingest/slug.ts';
import type { Manifest, OwnedFile } from './ingest-manifest.ts';
import {
  internalReason,
  type FileRecord,
  type FileWrites,
  type GetPool,
  type Progress,
  type ScanResult,
  type ScanTask,
  type WriteResult,
} from './ingest-protocol.ts';
import type { TaskMaker } from './worker-pool.ts';
import type { KnowledgeCache } from './knowledge-stage.ts';
import { withTimes } from './stored-record.ts';
import type { DumpFile } from './list-dumps.ts';

const SCAN_BATCH = 16;
/** The share of batches, the last ones, whose entries are written after the scan: about what planning takes beside writing. */
const WRITTEN_AFTER = 1 / 6;

/** What reading the dumps found and did. */
export interface ScanSummary {
  records: Map<string, FileRecord>;
  /** Dumps read in this run whose bytes changed (the others were unchanged). */
  read: Set<string>;
  /** How many dumps had a new time but the same bytes (their manifest entries need the new time). */
  touched: number;
  /** Their names. */
  retimed: Set<string>;
  /** Entry files the scan wrote (or, dry, would write), by name. */
  written: Set<string>;
  /** Entry files on disk as written, by name: written by the scan or found identical. */
  produced: Map<string, OwnedFile>;
  /** Entry files the scan could not write, by name, and why. */
  failed: Set<string>;
  failures: FileFailure[];
  /** Entries the scan wrote or found identical, for a story standing in that one dump. */
  settled: Set<string>;
  /** CPU milliseconds the extraction stage spent, over all threads. */
  extractMs: number;
  /**
   * Settles once the last batches' entries are written (it never rejects):
   * `written`, `produced`, `failed`, `failures` and `settled` are whole only then.
   */
  writing: Promise<void>;
}

/** What `readRecords` works with. */
export interface ScanOptions {
  dumps: DumpFile[];
  /** The dumps' sizes and times, in their order, when taken already (`surveySizes`). */
  times?: readonly { size: number; mtimeMs: number }[] | undefined;
  previous: Manifest;
  outDir: string;
  /** Write nothing. */
  dryRun: boolean;
  /** The output folder holds no entries: nothing to compare with. */
  fresh: boolean;
  getPool: GetPool;
  onProgress?: Progress;
  /** The extraction stage's cache, when extracting. */
  knowledge?: KnowledgeCache;
}

/**
 * Reuse the record of every dump whose size and time are unchanged; read the
 * others in the workers, which plan their new entries as they go.
 */
export async function readRecords({ dumps, times, previous, outDir, dryRun, fresh, getPool, onProgress, knowledge }: ScanOptions): Promise<ScanSummary> {
  const records = new Map<string, FileRecord>();
  const stats = new Map<string, { size: number; mtimeMs: number }>();
  const changed: DumpFile[] = [];
  for (let i = 0; i < dumps.length; i++) {
    const dump = dumps[i] as DumpFile;
    const { size, mtimeMs } = times?.[i] ?? statSync(dump.path, { throwIfNoEntry: false }) ?? { size: -1, mtimeMs: 0 };
    stats.set(dump.name, { size, mtimeMs });
    const known = previous.files[dump.name];
    // A file that could not be read has no hash: it is tried again (a chmod changes no size or time).
    if (known && known.size === size && known.mtimeMs === mtimeMs && known.hash !== '') records.set(dump.name, known);
    else changed.push(dump);
  }

  const summary: ScanSummary = {
    records,
    read: new Set(),
    touched: 0,
    retimed: new Set(),
    written: new Set(),
    produced: new Map(),
    failed: new Set(),
    failures: [],
    settled: new Set(),
    extractMs: 0,
    writing: Promise.resolve(),
  };
  // Dumps whose time changed but whose bytes did not: nothing of theirs changes.
  const touched = new Set<string>();
  let done = 0;
  const batches: Promise<void>[] = [];
  const writtenAfter = Math.ceil(changed.length * (1 - WRITTEN_AFTER));
  const later: ScanResult[] = [];
  // The buffers of batches written, for the next batches to pack into.
  const spares: ArrayBuffer[] = [];
  const withSpare =
    (task: ScanTask): TaskMaker<ScanTask> =>
    () => {
      const spare = spares.pop();
      return spare ? [{ ...task, spare }, [spare]] : [task, []];
    };
  for (let i = 0; i < changed.length; i += SCAN_BATCH) {
    const files = changed.slice(i, i + SCAN_BATCH).map((dump) => ({ ...dump, hash: previous.files[dump.name]?.hash }));
    const last = i >= writtenAfter;
    batches.push(
      getPool(changed.length)
        .run(withSpare({ kind: 'scan', files, outDir, fresh, ...(knowledge ? { knowledge } : {}) }))
        .then(
          (result) => {
            const scanned = result as ScanResult;
            summary.extractMs += scanned.extractMs;
            for (const [name, file] of Object.entries(scanned.unchanged)) summary.produced.set(name, file);
            for (const record of scanned.records) {
              const { name } = record;
              const stat = stats.get(name) as { size: number; mtimeMs: number };
              if (record.same) {
                records.set(name, withTimes(previous.files[name] as FileRecord, stat));
                touched.add(name);
              } else records.set(name, { ...stat, ...record.record });
            }
            if (!dryRun && last) later.push(scanned);
            else {
              if (!dryRun) recordWrites(summary, writePacked(scanned.writes, fresh));
              settleOutcomes(summary, scanned);
              if (scanned.writes.bytes.buffer.byteLength > 0) spares.push(scanned.writes.bytes.buffer as ArrayBuffer);
            }
          },
          // A fault of the ingest (a worker that crashed or ran out of memory)
          // costs these dumps, not the run.
          (error: unknown) => {
            const reason = internalReason(error);
            for (const file of files) {
              records.set(file.name, {
                ...(stats.get(file.name) as { size: number; mtimeMs: number }),
                hash: '',
                articles: [],
                errors: [{ kind: 'file', line: 0, reason, internal: true }],
              });
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
  summary.writing = writeLater(summary, later, fresh, getPool);
  // Keep the dumps' order, whatever order the workers finished in.
  summary.records = new Map(dumps.flatMap((dump) => (records.has(dump.name) ? [[dump.name, records.get(dump.name) as FileRecord]] : [])));
  summary.read = new Set(changed.map((dump) => dump.name).filter((name) => !touched.has(name)));
  summary.touched = touched.size;
  summary.retimed = touched;
  return summary;
}

/** Record what writing some entry files did: what each now holds, and those that could not be written. */
function recordWrites(summary: ScanSummary, writes: { written: Iterable<[string, OwnedFile]>; failed: FileFailure[] }): void {
  for (const [name, file] of writes.written) summary.produced.set(name, file);
  for (const failure of writes.failed) {
    summary.failed.add(failure.name);
    summary.failures.push(failure);
  }
}

/** Record each entry of a batch the scan wrote or settled (written as planned, or found identical), once its files are written. */
function settleOutcomes(summary: ScanSummary, scanned: ScanResult): void {
  for (const record of scanned.records) {
    if (record.same) continue;
    for (const [slug, outcome] of Object.entries(record.outcomes)) {
      if (summary.failed.has(entryName(slug))) continue;
      if (outcome === 'written') summary.written.add(entryName(slug));
      if (outcome !== 'deferred') summary.settled.add(slug);
    }
  }
}

/** Write the last batches' entry files in a worker, the packs moved there, not copied. */
async function writeLater(summary: ScanSummary, later: ScanResult[], fresh: boolean, getPool: GetPool): Promise<void> {
  if (later.length === 0) return;
  const packs: FileWrites[] = later.map((scanned) => scanned.writes);
  try {
    const moved = packs.map((pack) => pack.bytes.buffer as ArrayBuffer);
    const result = (await getPool(packs.length).run({ kind: 'write', packs, direct: fresh }, moved)) as WriteResult;
    recordWrites(summary, result);
  } catch (error) {
    // A worker lost while writing: none of these files counts as written.
    const reason = `cannot write the entry (${internalReason(error)})`;
    recordWrites(summary, { written: [], failed: packs.flatMap((pack) => pack.paths.map((file) => ({ name: path.basename(file), reason }))) });
  }
  for (const scanned of later) settleOutcomes(summary, scanned);
}

/** Whether the output folder holds any entry file (stops at the first). */
export function holdsEntries(outDir: string): boolean {
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

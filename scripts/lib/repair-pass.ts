/**
 * The ingest's second pass: every entry the scan could not settle on its own
 * (a story read from several dumps, a lengthened slug, a kept URL) and every
 * entry file that is missing or no longer as the ingest wrote it is rendered
 * again from its dump, in the workers.
 */
import path from 'node:path';
import type { Version } from '../../src/lib/entry-schema.ts';
import type { Ledger } from '../../src/lib/identity/ledger.ts';
import { intactTest, writePacked, type FileFailure } from './entry-files.ts';
import { entryName } from '../../src/lib/ingest/slug.ts';
import type { Manifest, OwnedFile } from './ingest-manifest.ts';
import { internalReason, type GetPool, type Progress, type Rejection, type RenderResult, type RenderTask } from './ingest-protocol.ts';
import type { KnowledgeCache } from './knowledge-stage.ts';
import type { DumpFile } from './list-dumps.ts';
import { FilePacker } from './packed-files.ts';
import type { Plan, PlannedEntry } from '../../src/lib/identity/plan-entries.ts';
import type { ScanSummary } from './scan-pass.ts';
import type { FileSizes } from './stat-sizes.ts';

/** What `chooseRenders` works with. */
export interface ChooseOptions {
  plan: Plan;
  scan: ScanSummary;
  previous: Manifest;
  outDir: string;
  /** The output folder held no entries when the run began. */
  fresh: boolean;
  /** Check each owned file's hash, not only its size. */
  verify: boolean;
  /** The owned files' sizes, when read beforehand (`statSizes`). */
  sizes?: FileSizes;
}

/**
 * The entries to render: those the scan did not write as planned, whose file
 * is not on disk as written, or whose content changed.
 *
 * @returns The entries, and the slugs among them whose owned file was damaged or missing.
 */
export function chooseRenders({ plan, scan, previous, outDir, fresh, verify, sizes }: ChooseOptions): {
  toRender: [string, PlannedEntry][];
  repaired: string[];
  /** Carried entries whose file is not as written: the plan has nothing to render them from, so the whole archive must be planned. */
  unplanned: number;
} {
  // What stands on disk as the ingest wrote it: what the scan just wrote or
  // found, and owned files of the right size (and, verifying, hash).
  const isIntact = fresh ? () => false : intactTest(outDir, previous.owned, verify, sizes);
  const repaired: string[] = [];
  const toRender: [string, PlannedEntry][] = [];
  for (const [slug, entry] of plan.entries) {
    // The common case: the scan already wrote it exactly as planned.
    if (entry.sources.length === 1 && entry.from.ref.slug === slug && entry.id === entry.from.ref.id && scan.settled.has(slug)) continue;
    const name = entry.file;
    if (scan.failed.has(name)) continue;
    const onDisk = scan.produced.has(name) || isIntact(name);
    if (!onDisk && previous.owned.has(name)) repaired.push(slug);
    if (!onDisk || previous.entries.get(slug) !== entry.signature || entry.sources.some((source) => scan.read.has(source.file))) toRender.push([slug, entry]);
  }
  // The last run kept a record of every entry it wrote: a carried entry's file is one of them.
  let unplanned = 0;
  if (plan.carried.size > 0 && (fresh || !sizes)) unplanned = plan.carried.size;
  else if (plan.carried.size > 0) {
    sizes?.changed.forEach((_, name) => {
      if (plan.carried.has(name.slice(0, -3))) unplanned++;
    });
  }
  return { toRender, repaired: repaired.sort(), unplanned };
}

/** What `renderEntries` works with. */
export interface RenderOptions {
  toRender: [string, PlannedEntry][];
  dumps: DumpFile[];
  inDir: string;
  outDir: string;
  /** Write nothing. */
  dryRun: boolean;
  getPool: GetPool;
  onProgress?: Progress;
  /** The extraction stage's cache, when extracting. */
  knowledge?: KnowledgeCache;
  /** The entry file the last run wrote for a story, if any (for a story whose text was replaced). */
  previousEntry: (slug: string, entry: PlannedEntry) => string | undefined;
  /** Versions recorded by earlier runs (`Manifest['histories']`). */
  histories: Manifest['histories'];
}

/** What rendering did. */
export interface RenderSummary {
  /** Entry files written (or, dry, that would be), by name. */
  written: string[];
  /** Entry files on disk as written, by name: written now or found identical. */
  produced: Map<string, OwnedFile>;
  /** Slugs whose article could not be read again. */
  failed: string[];
  /** Entry files that could not be written. */
  failures: FileFailure[];
  rejected: Rejection[];
  /** CPU milliseconds the extraction stage spent, over all threads. */
  extractMs: number;
  /** By slug, the versions of entries whose text was replaced since they were last written. */
  histories: Map<string, Version[]>;
}

/** Render the entries that may have changed, one task per dump they are written from. */
export async function renderEntries(options: RenderOptions): Promise<RenderSummary> {
  const { toRender, dumps, inDir, outDir, dryRun, getPool, onProgress, knowledge } = options;
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
    const versions =
      entry.copies.length > 1
        ? entry.copies.map((copy) => ({ path: paths.get(copy.name) ?? path.join(inDir, copy.name), name: copy.name, index: copy.ref.index }))
        : undefined;
    const previous = entry.replaced ? options.previousEntry(slug, entry) : undefined;
    const recorded = options.histories[slug];
    const history = recorded?.signature === entry.signature ? recorded.versions : undefined;
    task.items.push({
      index: entry.from.ref.index,
      slug,
      id: entry.id,
      sources: entry.sources,
      versions,
      ...(previous ? { previous } : {}),
      ...(history ? { history } : {}),
    });
    byFile.set(name, task);
  }

  const summary: RenderSummary = { written: [], produced: new Map(), failed: [], failures: [], rejected: [], extractMs: 0, histories: new Map() };
  let done = 0;
  // The work is reading dumps again: one task each, however many entries it renders.
  const pool = getPool(byFile.size);
  await Promise.all(
    [...byFile.values()].map(async (task) => {
      let result: RenderResult;
      try {
        result = (await pool.run(task)) as RenderResult;
      } catch (error) {
        const reason = internalReason(error);
        result = {
          kind: 'render',
          extractMs: 0,
          histories: {},
          written: [],
          unchanged: {},
          errors: [{ kind: 'file', line: 0, reason, internal: true }],
          writes: new FilePacker().pack(),
        };
      }
      summary.extractMs += result.extractMs;
      for (const [slug, versions] of Object.entries(result.histories)) summary.histories.set(slug, versions);
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

/**
 * Where the last run wrote each story's entry: under its slug, or under an
 * older URL of the story (a corrected headline), whichever the ingest owns.
 *
 * @param outDir The entries folder.
 * @param owned The files the ingest owns.
 * @param ledger The URL ledger as the last run left it.
 */
export function previousEntryFinder(outDir: string, owned: Manifest['owned'], ledger: Ledger): RenderOptions['previousEntry'] {
  let byStory: Map<string, string[]> | undefined;
  return (slug, entry) => {
    if (owned.has(entryName(slug))) return path.join(outDir, entryName(slug));
    if (!byStory) {
      const found = new Map<string, string[]>();
      ledger.urls.forEach((story, url) => {
        if (owned.has(entryName(url))) found.set(story, [...(found.get(story) ?? []), url]);
      });
      byStory = found;
    }
    const old = byStory.get(entry.id)?.[0];
    return old === undefined ? undefined : path.join(outDir, entryName(old));
  };
}

/**
 * A re-run that changed a few rows of the manifest writes those rows alone, in
 * a delta file beside it, rather than the 30 MB manifest and 25 MB of sketches
 * of a 100k archive again. The delta names the manifest it applies to (by its
 * sketches' generation), holds every row that differs from it, and grows run
 * after run until it reaches DELTA_LIMIT rows; then the whole manifest is
 * written again and the delta removed. A delta that names another manifest (a
 * run killed between writing the manifest and removing the delta) is ignored.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './entry-files.ts';
import type { FileRecord } from './ingest-protocol.ts';
import type { Table } from './row-table.ts';
import { articleRows, filesFromColumns, filesToColumns, isCount, isObject } from './manifest-columns.ts';
import { decodeSketches, encodeSketches } from './sketch-file.ts';

/** File name of the delta inside the output folder. */
export const DELTA_NAME = '.ingest-manifest-delta.json';

/** Past this many rows in any table, the whole manifest is written again. */
export const DELTA_LIMIT = 2000;

/** The rows that differ from the manifest on disk: dumps by name, entries by slug, owned files by name. */
export interface ChangedRows {
  files: Set<string>;
  entries: Set<string>;
  owned: Set<string>;
}

/** The manifest's tables in memory, as far as a delta reads and writes them. */
export interface DeltaTables {
  version: string;
  files: Record<string, FileRecord>;
  entries: Table<string>;
  owned: Table<{ size: number; hash: string }>;
  histories: object;
  ledger?: string;
  stories?: number;
}

/** A delta as read: applied to the tables it was given, or why it could not be. */
export type ReadDelta = { found: false } | { found: true; rows: ChangedRows; cache: boolean; histories: unknown } | { found: true; problem: string };

/** Whether the rows fit in a delta. */
export const fitsDelta = (rows: ChangedRows) => rows.files.size <= DELTA_LIMIT && rows.entries.size <= DELTA_LIMIT && rows.owned.size <= DELTA_LIMIT;

/**
 * Write the changed rows of the tables as the delta of the manifest `base`.
 *
 * @param outDir The entries folder.
 * @param base The generation of the manifest on disk.
 */
export function writeDelta(outDir: string, base: string, tables: DeltaTables, rows: ChangedRows): void {
  const files: Record<string, FileRecord> = {};
  const removedFiles: string[] = [];
  for (const name of rows.files) {
    const record = Object.hasOwn(tables.files, name) ? tables.files[name] : undefined;
    if (record) files[name] = record;
    else removedFiles.push(name);
  }
  const stored = {
    base,
    version: tables.version,
    files: filesToColumns(files),
    sketches: Buffer.from(encodeSketches(Object.values(files), base)).toString('base64'),
    removedFiles,
    entries: [...rows.entries].map((slug) => [slug, tables.entries.get(slug) ?? null]),
    owned: [...rows.owned].map((name) => [name, tables.owned.get(name) ?? null]),
    histories: tables.histories,
    ledger: tables.ledger,
    stories: tables.stories,
  };
  writeFileAtomic(path.join(outDir, DELTA_NAME), JSON.stringify(stored));
}

/** Remove the delta, once the whole manifest is written again. */
export function removeDelta(outDir: string): void {
  rmSync(path.join(outDir, DELTA_NAME), { force: true });
}

/**
 * Apply the delta of the manifest `base`, if there is one, to its tables.
 * Owned files apply whatever the code's version (they outlive it, as in the
 * manifest); dumps and entries only to a cache of this version. The histories
 * are returned whole, for the caller to check.
 *
 * @param cache Whether `tables` holds a usable cache (dumps and entries of this version).
 * @param isName The test each owned file's name must pass.
 */
export function applyDelta(outDir: string, base: string, tables: DeltaTables, cache: boolean, isName: (name: string) => boolean): ReadDelta {
  let stored: unknown;
  try {
    stored = JSON.parse(readFileSync(path.join(outDir, DELTA_NAME), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { found: false };
    return { found: true, problem: `its delta ${DELTA_NAME} cannot be read (${(error as Error).message})` };
  }
  if (!isObject(stored) || stored.base !== base) return { found: false };
  const owned = pairs(stored.owned, (name, file) => isName(name) && (file === null || isOwnedFile(file)));
  if (!owned) return { found: true, problem: `its delta ${DELTA_NAME} is damaged` };
  const rows: ChangedRows = { files: new Set(), entries: new Set(), owned: new Set() };
  for (const [name, file] of owned) {
    rows.owned.add(name);
    if (file === null) tables.owned.delete(name);
    else tables.owned.set(name, file as { size: number; hash: string });
  }
  const { histories } = stored;
  if (!cache || stored.version !== tables.version) return { found: true, rows, cache: false, histories };

  const articles = articleRows(stored.files);
  const sketches =
    articles && typeof stored.sketches === 'string' ? decodeSketches(Buffer.from(stored.sketches, 'base64'), base, articles.slugs.length) : undefined;
  const files = sketches && filesFromColumns(stored.files, sketches, articles);
  const entries = pairs(stored.entries, (_, signature) => signature === null || typeof signature === 'string');
  const removed =
    Array.isArray(stored.removedFiles) && stored.removedFiles.every((name) => typeof name === 'string') ? (stored.removedFiles as string[]) : undefined;
  if (!files || !entries || !removed) return { found: true, rows, cache: false, histories };
  for (const name of removed) {
    rows.files.add(name);
    delete tables.files[name];
  }
  for (const name of Object.keys(files)) {
    rows.files.add(name);
    tables.files[name] = files[name] as FileRecord;
  }
  for (const [slug, signature] of entries) {
    rows.entries.add(slug);
    if (signature === null) tables.entries.delete(slug);
    else tables.entries.set(slug, signature as string);
  }
  tables.ledger = typeof stored.ledger === 'string' ? stored.ledger : undefined;
  tables.stories = isCount(stored.stories) ? stored.stories : undefined;
  return { found: true, rows, cache: true, histories };
}

/** A JSON array of [string, value] pairs, each passing `is`; undefined otherwise. */
function pairs(value: unknown, is: (key: string, value: unknown) => boolean): [string, unknown][] | undefined {
  if (!Array.isArray(value)) return undefined;
  for (const pair of value) if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || !is(pair[0], pair[1])) return undefined;
  return value as [string, unknown][];
}

function isOwnedFile(value: unknown): boolean {
  return isObject(value) && (isCount(value.size) || value.size === -1) && typeof value.hash === 'string';
}

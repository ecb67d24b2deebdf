/**
 * What the ingest keeps beside the entries: which files in the output folder
 * are its own (the only ones it ever deletes), and a cache of what the last
 * run read, so a re-run only reads the dumps that changed.
 *
 * The two have different lives. The cache is thrown away whenever the
 * ingest's code changes; the record of owned files is not, or an upgrade
 * would forget which files the ingest wrote.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Version } from '../../src/lib/entry-schema.ts';
import type { FileRecord } from './ingest-protocol.ts';
import { knowledgeVersion } from './knowledge-stage.ts';
import { writeFileAtomic } from './entry-files.ts';
import { loadSketches, newGeneration, saveSketches, SKETCHES_NAME } from './sketch-file.ts';
import type { Table } from './row-table.ts';
import { applyDelta, fitsDelta, removeDelta, writeDelta, type ChangedRows } from './manifest-delta.ts';
import {
  articleRows,
  entriesFromColumns,
  entriesToColumns,
  filesFromColumns,
  filesToColumns,
  isCount,
  isObject,
  ownedFromColumns,
  ownedToColumns,
  rowsOfSlugs,
} from './manifest-columns.ts';

/** File name of the manifest inside the output folder (hidden: not an entry). */
export const MANIFEST_NAME = '.ingest-manifest.json';

/** A file the ingest wrote, as it wrote it: what a later run checks it against. */
export interface OwnedFile {
  /** Bytes, or -1 when not known (a manifest from before sizes were kept). */
  size: number;
  /** `fileHash` of its bytes; empty when not known (a manifest from before hashes were kept). */
  hash: string;
}

/** The manifest as stored. */
export interface Manifest {
  /** Hash of the ingest's own code: a change to how entries are written invalidates `files` and `entries`. */
  version: string;
  /** Cache: by dump path relative to the input folder. */
  files: Record<string, FileRecord>;
  /** Cache: by slug, a signature of what the entry was written from. */
  entries: Table<string>;
  /** The files the ingest wrote, by name inside the output folder. Kept across versions. */
  owned: Table<OwnedFile>;
  /**
   * By slug, the versions of a story whose text was replaced in its dump (an
   * edit in place): the old text is gone, so they are kept here for as long as
   * the entry's signature is the one they were written with. Kept across versions.
   */
  histories: Record<string, { signature: string; versions: Version[] }>;
  /**
   * `ledgerHash` of the URL ledger the run that wrote `entries` left: a re-run
   * finding that same ledger may carry untouched stories' entries over
   * (`touched-stories.ts`); another ledger (edited, or a run killed between
   * the two files) has every story planned again.
   */
  ledger?: string;
  /** How many stories that run planned: `entries` holds one each unless an entry failed (then every story is planned again). */
  stories?: number;
  /** The manifest file this one was read from (its generation) and the rows that differ from it: a run may save as a delta on it. */
  sinceBase?: { base: string; rows: ChangedRows };
}

/** A manifest as loaded, and whether there was one to load. */
export interface LoadedManifest {
  manifest: Manifest;
  /** A manifest file was there (even one that could not be used). */
  found: boolean;
  /** Why the manifest file could not be used, if it could not: the run goes on, deleting nothing. */
  problem?: string;
  /** The owned files a delta changed after `loadManifest` gave the owned files to its `onOwned`. */
  ownedSince?: ReadonlySet<string>;
}

/** Packages whose code writes, validates or reads back entries; their dependencies in the lock file count too. */
const ENTRY_PACKAGES = [
  'unified',
  'remark-stringify',
  'remark-frontmatter',
  'mdast-util-to-markdown',
  'mdast-util-frontmatter',
  'mdast-util-to-string',
  'mdast-util-from-markdown',
  'zod',
  'js-yaml',
];

/** The `.ts` modules of a folder and its subfolders, tests left out, sorted. */
function modulesIn(folder: string): string[] {
  return (readdirSync(folder, { recursive: true }) as string[])
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .sort()
    .map((name) => path.join(folder, name));
}

/**
 * The installed versions of ENTRY_PACKAGES and everything they depend on, from
 * the lock file (each package's own package.json when there is no lock file).
 */
export function entryPackageVersions(root: string): string[] {
  let lock: { packages?: Record<string, { version?: string; dependencies?: Record<string, string> }> } | undefined;
  try {
    lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  } catch {
    lock = undefined;
  }
  const versions = new Set<string>();
  const pending = [...ENTRY_PACKAGES];
  const seen = new Set<string>();
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    const locked = lock?.packages?.[`node_modules/${name}`];
    if (locked) {
      versions.add(`${name}@${locked.version}`);
      pending.push(...Object.keys(locked.dependencies ?? {}));
      continue;
    }
    try {
      versions.add(`${name}@${JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version}`);
    } catch {
      versions.add(`${name}@missing`);
    }
  }
  return [...versions].sort();
}

/**
 * The version of everything that shapes an entry: the ingest core, the
 * identity modules and the text helpers they share with search, the worker and
 * the signatures, the packages that write and validate entries (and their
 * dependencies), and the Unicode tables case folding and normalization use;
 * and the extractor's, when entries carry its fields.
 *
 * @param extract Whether the run extracts the knowledge fields.
 */
export function ingestVersion(extract = true): string {
  return extract ? `${writerVersion()}+${knowledgeVersion()}` : writerVersion();
}

/**
 * The version of the entry writer alone (`ingestVersion(false)`).
 *
 * @param root The repository root whose sources and lock file are hashed; a test passes a copy.
 */
export function writerVersion(root = fileURLToPath(new URL('../../', import.meta.url))): string {
  const hash = createHash('sha256');
  const src = path.join(root, 'src', 'lib');
  const sources = [
    ...modulesIn(path.join(src, 'ingest')),
    ...modulesIn(path.join(src, 'identity')),
    ...modulesIn(path.join(src, 'text')),
    path.join(src, 'entry-schema.ts'),
    // Reading an old entry back, to describe an edit in place.
    path.join(src, 'read-entry.ts'),
    path.join(src, 'entry-text.ts'),
    path.join(root, 'scripts', 'lib', 'ingest-worker.ts'),
  ];
  for (const file of sources) hash.update(readFileSync(file));
  hash.update(entryPackageVersions(root).join('\n'));
  hash.update(`unicode ${process.versions.unicode}`);
  return hash.digest('hex').slice(0, 16);
}

/**
 * The manifest's layout: its large tables stored by column, entries and owned
 * files pointing at the articles' rows (`manifest-columns.ts`). The layout
 * before (2, each slug written out) reads with the same code and keeps its
 * owned files, as older ones do; its cache is dropped.
 */
const FORMAT = 3;

/**
 * Load the manifest of an output folder. The cache is empty when the manifest
 * is missing, damaged or written by other code; the record of owned files
 * survives a change of code, and a manifest written before it existed yields
 * its entries as owned, with their sizes unknown.
 *
 * @param outDir The entries folder.
 * @param version The current `ingestVersion()`.
 * @param onOwned Given the owned files as soon as they are read, before the
 *   rest (and before a delta changes some of them: `ownedSince` names those rows).
 */
export function loadManifest(outDir: string, version: string, onOwned?: (owned: Table<OwnedFile>) => void): LoadedManifest {
  const empty: Manifest = { version, files: {}, entries: new Map(), owned: new Map(), histories: {} };
  let text: string;
  try {
    text = readFileSync(path.join(outDir, MANIFEST_NAME), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { manifest: empty, found: false };
    return { manifest: empty, found: true, problem: `cannot read it (${(error as Error).message})` };
  }
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch (error) {
    return { manifest: empty, found: true, problem: `is not valid JSON (${(error as Error).message})` };
  }
  if (!isObject(stored)) return { manifest: empty, found: true, problem: 'is not a JSON object' };

  const current = stored.format === FORMAT;
  const columns = current || stored.format === 2;
  const articles = current ? articleRows(stored.files) : undefined;
  const owned = columns ? ownedFromColumns(stored.owned, isEntryName, articles) : readOlderOwned(stored);
  if (typeof owned === 'string') return { manifest: empty, found: true, problem: owned };
  onOwned?.(owned);
  // Damaged histories cost the "Updated" notes of stories edited in place, not the run.
  const histories = isHistories(stored.histories) ? stored.histories : {};
  const entries = articles && stored.version === version ? entriesFromColumns(stored.entries, articles) : undefined;
  const sketches =
    articles && entries && typeof stored.sketches === 'string'
      ? loadSketches(path.join(outDir, SKETCHES_NAME), stored.sketches, articles.slugs.length)
      : undefined;
  const files = sketches && filesFromColumns(stored.files, sketches, articles);
  const cacheValid = files !== undefined;
  const ledger = typeof stored.ledger === 'string' && isCount(stored.stories) ? { ledger: stored.ledger, stories: stored.stories } : {};
  const manifest: Manifest = cacheValid
    ? { version, files, entries: entries as Manifest['entries'], owned, histories, ...ledger }
    : { ...empty, owned, histories };
  if (!columns || typeof stored.sketches !== 'string') return { manifest, found: true };
  const base = stored.sketches;
  const delta = applyDelta(outDir, base, manifest, cacheValid, isEntryName);
  // As with a damaged manifest, what the ingest owns is not known for sure: nothing is removed this run.
  if ('problem' in delta) return { manifest: { ...empty, histories }, found: true, problem: delta.problem };
  if (delta.found && isHistories(delta.histories)) manifest.histories = delta.histories;
  const ownedSince = delta.found ? { ownedSince: delta.rows.owned } : {};
  if (!cacheValid) return { manifest, found: true, ...ownedSince };
  if (delta.found && !delta.cache) return { manifest: { ...empty, owned: manifest.owned, histories: manifest.histories }, found: true, ...ownedSince };
  manifest.sinceBase = { base, rows: delta.found ? delta.rows : { files: new Set(), entries: new Set(), owned: new Set() } };
  return { manifest, found: true, ...ownedSince };
}

/**
 * Save the manifest: as a delta on the one read, when the run says which rows
 * it changed and they are few (`manifest-delta.ts`), else whole.
 *
 * @param outDir The entries folder.
 * @param manifest What this run read and wrote.
 * @param changed The rows that may differ from the manifest read.
 */
export function saveManifest(outDir: string, manifest: Manifest, changed?: ChangedRows): void {
  if (changed && manifest.sinceBase) {
    const { base, rows } = manifest.sinceBase;
    const merged: ChangedRows = {
      files: new Set([...rows.files, ...changed.files]),
      entries: new Set([...rows.entries, ...changed.entries]),
      owned: new Set([...rows.owned, ...changed.owned]),
    };
    if (fitsDelta(merged)) {
      writeDelta(outDir, base, manifest, merged);
      return;
    }
  }
  saveWhole(outDir, manifest);
  removeDelta(outDir);
}

function saveWhole(outDir: string, manifest: Manifest): void {
  // The sketches first: a run killed between the two leaves a manifest naming the older generation, whose cache is then dropped.
  const generation = newGeneration();
  saveSketches(path.join(outDir, SKETCHES_NAME), Object.values(manifest.files), generation);
  const { version, histories } = manifest;
  const articles = rowsOfSlugs(manifest.files);
  const stored = {
    format: FORMAT,
    version,
    sketches: generation,
    files: filesToColumns(manifest.files),
    entries: entriesToColumns(manifest.entries, articles),
    owned: ownedToColumns(manifest.owned, articles),
    histories,
    ledger: manifest.ledger,
    stories: manifest.stories,
  };
  writeFileAtomic(path.join(outDir, MANIFEST_NAME), JSON.stringify(stored));
}

// The manifest is checked by hand rather than with a schema: at 100k dumps it
// holds a million article fields, and a re-run that reads one changed dump
// must not spend a second validating them. Any mistake found drops the cache
// (the run then compares every entry with its file), never the run.

/**
 * The owned files of a manifest of an older layout: an object of files, or,
 * before the record was kept, the `entries` it wrote.
 */
function readOlderOwned(stored: Record<string, unknown>): Map<string, OwnedFile> | string {
  const owned = new Map<string, OwnedFile>();
  if ('owned' in stored) {
    if (!isObject(stored.owned)) return '"owned" is not an object of files';
    for (const [name, file] of Object.entries(stored.owned)) {
      if (!isEntryName(name) || !isObject(file) || !(isCount(file.size) || file.size === -1) || typeof file.hash !== 'string') {
        return `"owned" holds ${JSON.stringify(name)}, expected a file name with its size and hash`;
      }
      owned.set(name, { size: file.size as number, hash: file.hash });
    }
    return owned;
  }
  if (!isObject(stored.entries)) return 'it lists no files, expected "owned" or "entries"';
  for (const slug of Object.keys(stored.entries)) {
    if (!isEntryName(`${slug}.md`)) return `"entries" holds ${JSON.stringify(slug)}, expected a slug`;
    owned.set(`${slug}.md`, { size: -1, hash: '' });
  }
  return owned;
}

function isHistories(value: unknown): value is Manifest['histories'] {
  if (!isObject(value)) return false;
  for (const history of Object.values(value)) {
    if (!isObject(history) || typeof history.signature !== 'string' || !Array.isArray(history.versions)) return false;
    for (const version of history.versions as unknown[]) {
      if (!isObject(version) || typeof version.file !== 'string' || !isCount(version.index) || typeof version.change !== 'string') return false;
    }
  }
  return true;
}

/** A plain file name inside the output folder: no folder part, not hidden. */
function isEntryName(name: string): boolean {
  return name.length > 0 && !name.startsWith('.') && !name.includes('/') && !name.includes('\\') && !name.includes('\0');
}

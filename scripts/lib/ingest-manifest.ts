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
import type { ArticleRef, FileRecord } from './ingest-protocol.ts';
import { knowledgeVersion } from './knowledge-stage.ts';
import { writeFileAtomic } from './entry-files.ts';
import { loadSketches, newGeneration, saveSketches, SKETCHES_NAME } from './sketch-file.ts';

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
  entries: Map<string, string>;
  /** The files the ingest wrote, by name inside the output folder. Kept across versions. */
  owned: Map<string, OwnedFile>;
  /**
   * By slug, the versions of a story whose text was replaced in its dump (an
   * edit in place): the old text is gone, so they are kept here for as long as
   * the entry's signature is the one they were written with. Kept across versions.
   */
  histories: Record<string, { signature: string; versions: Version[] }>;
}

/** A manifest as loaded, and whether there was one to load. */
export interface LoadedManifest {
  manifest: Manifest;
  /** A manifest file was there (even one that could not be used). */
  found: boolean;
  /** Why the manifest file could not be used, if it could not: the run goes on, deleting nothing. */
  problem?: string;
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
    // Entry signatures, which the manifest keeps.
    path.join(root, 'scripts', 'lib', 'plan-entries.ts'),
  ];
  for (const file of sources) hash.update(readFileSync(file));
  hash.update(entryPackageVersions(root).join('\n'));
  hash.update(`unicode ${process.versions.unicode}`);
  return hash.digest('hex').slice(0, 16);
}

/**
 * Load the manifest of an output folder. The cache is empty when the manifest
 * is missing, damaged or written by other code; the record of owned files
 * survives a change of code, and a manifest written before it existed yields
 * its entries as owned, with their sizes unknown.
 *
 * @param outDir The entries folder.
 * @param version The current `ingestVersion()`.
 */
export function loadManifest(outDir: string, version: string): LoadedManifest {
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

  const owned = readOwned(stored);
  if (typeof owned === 'string') return { manifest: empty, found: true, problem: owned };
  const entries = stored.version === version ? readEntries(stored.entries) : undefined;
  const cacheValid =
    entries !== undefined &&
    isObject(stored.files) &&
    isCache(stored.files) &&
    typeof stored.sketches === 'string' &&
    loadSketches(path.join(outDir, SKETCHES_NAME), stored.sketches, Object.values(stored.files as Manifest['files']));
  // Damaged histories cost the "Updated" notes of stories edited in place, not the run.
  const histories = isHistories(stored.histories) ? stored.histories : {};
  const manifest: Manifest = cacheValid ? { version, files: stored.files as Manifest['files'], entries, owned, histories } : { ...empty, owned, histories };
  return { manifest, found: true };
}

/**
 * @param outDir The entries folder.
 * @param manifest What this run read and wrote.
 */
export function saveManifest(outDir: string, manifest: Manifest): void {
  // The sketches first: a run killed between the two leaves a manifest naming the older generation, whose cache is then dropped.
  const generation = newGeneration();
  saveSketches(path.join(outDir, SKETCHES_NAME), Object.values(manifest.files), generation);
  const files: Record<string, Omit<FileRecord, 'articles'> & { articles: Omit<ArticleRef, 'sketch'>[] }> = {};
  for (const [name, record] of Object.entries(manifest.files)) files[name] = { ...record, articles: record.articles.map(({ sketch: _, ...kept }) => kept) };
  const { version, histories } = manifest;
  // The two maps of 100k entries are written as they stand, not made into objects first.
  writeFileAtomic(
    path.join(outDir, MANIFEST_NAME),
    `{"version":${JSON.stringify(version)},"sketches":"${generation}","files":${JSON.stringify(files)},"entries":${mapJson(manifest.entries)},"owned":${mapJson(manifest.owned)},"histories":${JSON.stringify(histories)}}`,
  );
}

/** A map with string keys as a JSON object. */
function mapJson(map: Map<string, unknown>): string {
  let json = '';
  map.forEach((value, key) => {
    json += `${json === '' ? '' : ','}${JSON.stringify(key)}:${JSON.stringify(value)}`;
  });
  return `{${json}}`;
}

// The manifest is checked by hand rather than with a schema: at 100k dumps it
// holds a million article records, and a re-run that reads one changed dump
// must not spend a second validating them. Any mistake found drops the cache
// (the run then compares every entry with its file), never the run.

/** The owned files, from a manifest of this format or of the one before (which kept only `entries`). */
function readOwned(stored: Record<string, unknown>): Map<string, OwnedFile> | string {
  const owned = new Map<string, OwnedFile>();
  if ('owned' in stored) {
    if (!isObject(stored.owned)) return '"owned" is not an object of files';
    for (const [name, file] of Object.entries(stored.owned)) {
      if (!isEntryName(name) || !isObject(file) || !(isCount(file.size) || file.size === -1) || typeof file.hash !== 'string') {
        return `"owned" holds ${JSON.stringify(name)}, expected a file name with its size and hash`;
      }
      owned.set(name, file as unknown as OwnedFile);
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

/** The entries' signatures, checked and read in one pass; undefined when any is not a string. */
function readEntries(value: unknown): Map<string, string> | undefined {
  if (!isObject(value)) return undefined;
  const entries = new Map<string, string>();
  for (const slug in value) {
    const signature = value[slug];
    if (typeof signature !== 'string') return undefined;
    entries.set(slug, signature);
  }
  return entries;
}

function isCache(files: Record<string, unknown>): boolean {
  for (const record of Object.values(files)) {
    if (!isObject(record) || !isCount(record.size) || typeof record.mtimeMs !== 'number' || typeof record.hash !== 'string') return false;
    if (!Array.isArray(record.articles) || !Array.isArray(record.errors)) return false;
    for (const ref of record.articles as unknown[]) {
      if (!isObject(ref) || typeof ref.id !== 'string' || typeof ref.digest !== 'string' || typeof ref.slug !== 'string') return false;
      if (typeof ref.signature !== 'string' || !isCount(ref.index) || !isCount(ref.line) || !isCount(ref.shingles)) return false;
    }
    for (const error of record.errors as unknown[]) {
      if (!isObject(error) || typeof error.reason !== 'string' || !isCount(error.line)) return false;
      if (error.kind !== 'file' && error.kind !== 'article') return false;
    }
  }
  return true;
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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

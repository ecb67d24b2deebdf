/**
 * The disk side of the search index: read every entry file the site renders,
 * build the index, related stories and per-story records and texts, and
 * write them to a folder, gzipped (packed-file.ts). Streams entries a batch
 * at a time, so only the postings stay in memory, not the text of 100k stories.
 * Related stories come first, in their own pass: pages need them to render,
 * the other files only once the site is built.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { readBodyBlocks } from '../../entry-text.ts';
import { parseEntryFile } from '../../read-entry.ts';
import type { Entry } from '../../entry-schema.ts';
import { addDocument, type BuiltIndex } from './build-index.ts';
import { findRelatedStories } from './related.ts';
import { packIndex } from './pack-index.ts';
import { PACKED_EXTENSION } from '../format/packed-file.ts';
import { type StoryText, toSearchDocument, toStoryRecord, toStoryText } from '../format/story-record.ts';
import { FacetCollector } from './facets.ts';

/** Shards close at about this many characters of JSON: smaller shards, fewer bytes a query word, a larger manifest (DESIGN.md). */
export const SHARD_TARGET_CHARS = 32_000;

/** What `related.json` holds: for each story by id, its slug and headline, and its related stories' ids. */
export interface RelatedFile {
  /** Slug and headline of each story, by id. */
  stories: { slug: string; title: string }[];
  /** Ids of each story's related stories, best first. */
  related: number[][];
}

/** Figures of one index build, for the build log and the benchmark. */
export interface IndexStats {
  stories: number;
  terms: number;
  shards: number;
  /** Bytes of the manifest, shards and vocabulary together, as written (gzipped). */
  indexBytes: number;
  /** Bytes of the per-story records, and of the per-story texts, as written. */
  recordBytes: number;
  textBytes: number;
  /**
   * Milliseconds spent reading and indexing, finding related stories, and
   * writing the files (shards, vocabulary, facets, records and texts).
   */
  timings: { index: number; shards: number; related: number };
}

/** An archive indexed in memory with its related stories written: what `writeIndexFiles` still needs. */
export interface IndexedArchive {
  /** The entry files, in id order. */
  names: string[];
  index: BuiltIndex;
  stories: RelatedFile['stories'];
  facets: FacetCollector;
  timings: { index: number; related: number };
}

/** Entry files read at once. */
const BATCH = 64;

/**
 * Build the search files of an archive: `indexArchive`, then `writeIndexFiles`.
 *
 * @param articlesDir Folder of entry files (`<slug>.md`).
 * @param outDir Folder to (re)create: `manifest.json`, `shards/`, `vocabulary/`, `docs/<id>.jz`, `texts/<id>.jz`, `facets/<kind>.jz`, `related.json`.
 * @returns Figures of the build.
 */
export async function writeSearchFiles(articlesDir: string, outDir: string): Promise<IndexStats> {
  return writeIndexFiles(await indexArchive(articlesDir, outDir), articlesDir, outDir);
}

/**
 * Index an archive in memory and write `related.json`, the one file pages
 * need while they render; the rest can be written while they do.
 *
 * @param articlesDir Folder of entry files (`<slug>.md`).
 * @param outDir Folder to (re)create, holding `related.json` when done.
 * @returns The index, for `writeIndexFiles`.
 */
export async function indexArchive(articlesDir: string, outDir: string): Promise<IndexedArchive> {
  const started = performance.now();
  const names = (await readdir(articlesDir)).filter((name) => name.endsWith('.md')).sort();
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const index: BuiltIndex = { documentCount: 0, averageFieldLength: [], fieldLength: [], terms: new Map() };
  const stories: RelatedFile['stories'] = [];
  const facets = new FacetCollector();
  await forEachText(articlesDir, names, (id, text, entry) => {
    addDocument(index, toSearchDocument(id, text));
    facets.add(id, entry);
    stories.push({ slug: text.slug, title: text.title });
  });
  const indexed = performance.now();
  const related: RelatedFile = { stories, related: findRelatedStories(index) };
  await writeFile(path.join(outDir, 'related.json'), JSON.stringify(related));
  return { names, index, stories, facets, timings: { index: indexed - started, related: performance.now() - indexed } };
}

/**
 * Write the rest of the search files of an indexed archive: shards,
 * vocabulary, facets, and each story's record and text (the entry files are
 * read a second time, so no story's text is held in memory meanwhile).
 *
 * @param indexed What `indexArchive` returned.
 * @param articlesDir The same folder of entry files.
 * @param outDir The same folder.
 * @returns Figures of the whole build.
 */
export async function writeIndexFiles(indexed: IndexedArchive, articlesDir: string, outDir: string): Promise<IndexStats> {
  const started = performance.now();
  const { index, names, stories } = indexed;
  for (const folder of ['docs', 'texts', 'shards', 'vocabulary', 'facets']) await mkdir(path.join(outDir, folder), { recursive: true });
  const packed = packIndex(index, { targetChars: SHARD_TARGET_CHARS, headlines: stories });
  const manifestJson = JSON.stringify(packed.manifest);
  let indexBytes = Buffer.byteLength(manifestJson);
  await writeFile(path.join(outDir, 'manifest.json'), manifestJson);
  const files = [...packed.shards.map((file) => ({ ...file, folder: 'shards' })), ...packed.vocabulary.map((file) => ({ ...file, folder: 'vocabulary' }))];
  for (let from = 0; from < files.length; from += BATCH) {
    await Promise.all(
      files.slice(from, from + BATCH).map((file) => {
        const packed = pack(file.text);
        indexBytes += packed.length;
        return writeFile(path.join(outDir, file.folder, file.name), packed);
      }),
    );
  }
  // Gzipped like the index (sizes in DESIGN.md, "Files the build writes").
  for (const [kind, file] of Object.entries(indexed.facets.finish()))
    await writeFile(path.join(outDir, 'facets', `${kind}${PACKED_EXTENSION}`), pack(JSON.stringify(file)));
  let recordBytes = 0;
  let textBytes = 0;
  await forEachText(articlesDir, names, (id, text) => {
    if (stories[id]?.slug !== text.slug)
      throw new Error(`search index: ${names[id]}: changed while the index was written, expected the story "${stories[id]?.slug}"`);
    const record = pack(JSON.stringify(toStoryRecord(text)));
    const whole = pack(JSON.stringify(text));
    recordBytes += record.length;
    textBytes += whole.length;
    return [writeFile(path.join(outDir, 'docs', `${id}${PACKED_EXTENSION}`), record), writeFile(path.join(outDir, 'texts', `${id}${PACKED_EXTENSION}`), whole)];
  });
  return {
    stories: index.documentCount,
    terms: index.terms.size,
    shards: packed.shards.length,
    indexBytes,
    recordBytes,
    textBytes,
    timings: { ...indexed.timings, shards: performance.now() - started },
  };
}

/** Read and parse the entry files a batch at a time, in id order, awaiting the writes each one returns. */
async function forEachText(articlesDir: string, names: string[], use: (id: number, text: StoryText, entry: Entry) => Promise<void>[] | void): Promise<void> {
  for (let from = 0; from < names.length; from += BATCH) {
    const batch = names.slice(from, from + BATCH);
    const files = await Promise.all(batch.map((name) => readFile(path.join(articlesDir, name), 'utf8')));
    const writes: Promise<void>[] = [];
    files.forEach((file, i) => {
      const parsed = parseEntryFile(file);
      // The site's loader reports a bad entry; the index only has to not be misled by one.
      if (typeof parsed === 'string') throw new Error(`search index: ${batch[i]}: ${parsed}`);
      writes.push(...(use(from + i, toStoryText(parsed.entry, readBodyBlocks(parsed.body)), parsed.entry) ?? []));
    });
    await Promise.all(writes);
  }
}

// zlib's default level: the best level saves a thousandth on these files (DESIGN.md).
function pack(text: string): Buffer {
  return gzipSync(text);
}

/**
 * The disk side of the search index: read every entry file the site renders,
 * build the index, related stories and per-story records and texts, and
 * write them to a folder, gzipped (packed-file.ts). Streams entries a batch
 * at a time, so only the postings stay in memory, not the text of 100k stories.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { readBodyBlocks } from '../../entry-text.ts';
import { parseEntryFile } from '../../read-entry.ts';
import { addDocument, type BuiltIndex } from './build-index.ts';
import { findRelatedStories } from './related.ts';
import { packIndex } from './pack-index.ts';
import { PACKED_EXTENSION } from '../format/packed-file.ts';
import { toSearchDocument, toStoryRecord, toStoryText } from '../format/story-record.ts';
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
  /** Milliseconds spent reading and indexing, sharding and writing, and finding related stories. */
  timings: { index: number; shards: number; related: number };
}

/**
 * Build the search files of an archive.
 *
 * @param articlesDir Folder of entry files (`<slug>.md`).
 * @param outDir Folder to (re)create: `manifest.json`, `shards/`, `vocabulary/`, `docs/<id>.jz`, `texts/<id>.jz`, `facets/<kind>.jz`, `related.json`.
 * @returns Figures of the build.
 */
export async function writeSearchFiles(articlesDir: string, outDir: string): Promise<IndexStats> {
  const started = performance.now();
  const names = (await readdir(articlesDir)).filter((name) => name.endsWith('.md')).sort();
  await rm(outDir, { recursive: true, force: true });
  for (const folder of ['docs', 'texts', 'shards', 'vocabulary']) await mkdir(path.join(outDir, folder), { recursive: true });
  const index: BuiltIndex = { documentCount: 0, averageFieldLength: [], fieldLength: [], terms: new Map() };
  const stories: RelatedFile['stories'] = [];
  const facets = new FacetCollector();
  let recordBytes = 0;
  let textBytes = 0;
  const BATCH = 64;
  for (let from = 0; from < names.length; from += BATCH) {
    const batch = names.slice(from, from + BATCH);
    const files = await Promise.all(batch.map((name) => readFile(path.join(articlesDir, name), 'utf8')));
    const writes: Promise<void>[] = [];
    files.forEach((file, i) => {
      const id = from + i;
      const parsed = parseEntryFile(file);
      // The site's loader reports a bad entry; the index only has to not be misled by one.
      if (typeof parsed === 'string') throw new Error(`search index: ${batch[i]}: ${parsed}`);
      const text = toStoryText(parsed.entry, readBodyBlocks(parsed.body));
      addDocument(index, toSearchDocument(id, text));
      facets.add(id, parsed.entry);
      stories.push({ slug: text.slug, title: text.title });
      const record = pack(JSON.stringify(toStoryRecord(text)));
      const whole = pack(JSON.stringify(text));
      recordBytes += record.length;
      textBytes += whole.length;
      writes.push(writeFile(path.join(outDir, 'docs', `${id}${PACKED_EXTENSION}`), record));
      writes.push(writeFile(path.join(outDir, 'texts', `${id}${PACKED_EXTENSION}`), whole));
    });
    await Promise.all(writes);
  }
  const indexed = performance.now();
  const packed = packIndex(index, { targetChars: SHARD_TARGET_CHARS });
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
  await mkdir(path.join(outDir, 'facets'));
  // Gzipped like the index (20 MB of JSON at 100k stories, a sixth of it packed).
  for (const [kind, file] of Object.entries(facets.finish())) await writeFile(path.join(outDir, 'facets', `${kind}${PACKED_EXTENSION}`), pack(JSON.stringify(file)));
  const sharded = performance.now();
  const related: RelatedFile = { stories, related: findRelatedStories(index) };
  await writeFile(path.join(outDir, 'related.json'), JSON.stringify(related));
  return {
    stories: index.documentCount,
    terms: index.terms.size,
    shards: packed.shards.length,
    indexBytes,
    recordBytes,
    textBytes,
    timings: { index: indexed - started, shards: sharded - indexed, related: performance.now() - sharded },
  };
}

// zlib's default level: the best level saves a thousandth on these files (DESIGN.md).
function pack(text: string): Buffer {
  return gzipSync(text);
}

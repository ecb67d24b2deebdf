/**
 * Ingest worker: reads dumps and prepares their entries (the main thread
 * writes them), so both cores share the work.
 */
import { hash as hashBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import type { Source } from '../../src/lib/entry-schema.ts';
import { decodeDump } from '../../src/lib/ingest/decode-dump.ts';
import { parseDump } from '../../src/lib/ingest/parse-dump.ts';
import { contentId, buildEntry } from '../../src/lib/ingest/build-entry.ts';
import { articleDigest } from '../../src/lib/ingest/article-digest.ts';
import { makeSlug } from '../../src/lib/ingest/slug.ts';
import { serializeEntry } from '../../src/lib/ingest/serialize-entry.ts';
import { entrySignature } from './plan-entries.ts';
import { FilePacker } from './packed-files.ts';
import { IngestError } from '../../src/lib/ingest/errors.ts';
import type { ParsedArticle } from '../../src/lib/ingest/types.ts';
import type { FileRecord, ReadError, RenderResult, RenderTask, ScanOutcome, ScanResult, ScanTask } from './ingest-protocol.ts';

type Scanned = ScanResult['records'][number];

/**
 * Read one dump, and plan the write of each of its stories' entries that is new.
 *
 * @param file The dump: absolute path, name relative to the input folder, and its last hash.
 * @param outDir The entries folder.
 * @param writes Where the entry files to write are added.
 * @param fresh The output folder had no entries: skip looking for each file.
 */
function scanFile(file: ScanTask['files'][number], outDir: string, writes: FilePacker, fresh = false): Scanned {
  const bytes = readFileSync(file.path);
  const hash = hashBytes('sha256', bytes);
  if (hash === file.hash) return { name: file.name, same: true };
  const outcomes: Record<string, ScanOutcome> = {};
  let text: string;
  try {
    text = decodeDump(bytes, file.name);
  } catch (error) {
    return { name: file.name, record: { hash, articles: [], errors: [describe(error, 'file')] }, outcomes };
  }
  const { articles, errors } = text.trim().length === 0 ? { articles: [], errors: [] } : parseDump(text, file.name);
  const refs: FileRecord['articles'] = [];
  for (const article of articles) {
    const id = contentId(article);
    const slug = makeSlug(article.title, id);
    const digest = articleDigest(article, id);
    const sources = [{ file: file.name, index: article.index, line: article.line }];
    refs.push({ id, digest, slug, signature: entrySignature(id, digest, slug, sources), index: article.index, line: article.line });
    outcomes[slug] = planWrite(article, sources, id, slug, outDir, writes, true, fresh);
  }
  return { name: file.name, record: { hash, articles: refs, errors: errors.map((error) => describe(error, 'article')) }, outcomes };
}

/**
 * Plan the writes of some articles of one dump, with the sources and slugs
 * the ingest settled on, leaving files whose content is unchanged alone.
 *
 * @param task Which articles, under which slugs, with which sources.
 */
function renderFile(task: RenderTask): RenderResult {
  const writes = new FilePacker();
  const result: Omit<RenderResult, 'writes'> = { kind: 'render', written: [], unchanged: 0, errors: [] };
  let articles;
  try {
    articles = parseDump(decodeDump(readFileSync(task.path), task.name), task.name).articles;
  } catch (error) {
    result.errors.push(describe(error, 'file'));
    return { ...result, writes: writes.pack() };
  }
  const byIndex = new Map(articles.map((article) => [article.index, article]));
  for (const item of task.items) {
    const article = byIndex.get(item.index);
    if (!article) {
      result.errors.push({ kind: 'file', line: 0, reason: `changed while it was read: article ${item.index} is gone, run the ingest again` });
      continue;
    }
    const outcome = planWrite(article, item.sources, contentId(article), item.slug, task.outDir, writes, false);
    if (outcome === 'written') result.written.push(item.slug);
    else result.unchanged++;
  }
  return { ...result, writes: writes.pack() };
}

/**
 * Plan the write of one entry unless the file already says the same. With
 * `onlyNew`, a file that differs is left alone and reported as deferred.
 */
function planWrite(
  article: ParsedArticle,
  sources: Source[],
  id: string,
  slug: string,
  outDir: string,
  writes: FilePacker,
  onlyNew: boolean,
  fresh = false,
): ScanOutcome {
  const built = buildEntry(article, sources, id, slug);
  const markdown = serializeEntry(built.entry, built.body);
  const target = path.join(outDir, `${slug}.md`);
  const existing = fresh ? undefined : readIfExists(target);
  if (existing === markdown) return 'unchanged';
  if (onlyNew && existing !== undefined) return 'deferred';
  writes.add(target, markdown);
  return 'written';
}

// Most entries are new on a first run: a failed read would build an exception
// with a stack trace for each, a stat does not.
function readIfExists(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

function describe(error: unknown, kind: ReadError['kind']): ReadError {
  if (error instanceof IngestError) return { kind, line: error.line, reason: error.reason };
  return { kind, line: 0, reason: error instanceof Error ? error.message : String(error) };
}

/**
 * Run one task: what a worker does with each message, and what the ingest
 * calls directly for work too small to start workers for.
 *
 * @param task A scan or a render.
 */
export async function runTask(task: ScanTask | RenderTask): Promise<ScanResult | RenderResult> {
  if (task.kind === 'render') return renderFile(task);
  const writes = new FilePacker();
  const records = task.files.map((file) => scanFile(file, task.outDir, writes, task.fresh));
  return { kind: 'scan', writes: writes.pack(), records };
}

parentPort?.on('message', async (task: ScanTask | RenderTask) => {
  try {
    const result = await runTask(task);
    const { buffer } = result.writes.bytes;
    parentPort?.postMessage(result, buffer.byteLength > 0 ? [buffer as ArrayBuffer] : []);
  } catch (error) {
    parentPort?.postMessage({ kind: 'crash', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});

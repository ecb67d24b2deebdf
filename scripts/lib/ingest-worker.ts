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
import { entrySignature } from '../../src/lib/identity/plan-entries.ts';
import { FilePacker, fileHash } from './packed-files.ts';
import { describeError, writePacked } from './entry-files.ts';
import { IngestError } from '../../src/lib/ingest/errors.ts';
import type { ParsedArticle } from '../../src/lib/ingest/types.ts';
import { extractionCpuMs, knowledgeOfDump, type KnowledgeCache } from './knowledge-stage.ts';
import type { Knowledge } from '../../src/lib/knowledge/extract-knowledge.ts';
import type {
  FileRecord,
  ReadError,
  RenderItem,
  RenderResult,
  RenderTask,
  ScanOutcome,
  ScanResult,
  ScanTask,
  UnchangedFiles,
  WriteResult,
  WriteTask,
} from './ingest-protocol.ts';
import type { Version } from '../../src/lib/entry-schema.ts';
import { sketchArticle, versionText } from '../../src/lib/identity/article-identity.ts';
import { describeChange, type VersionText } from '../../src/lib/identity/describe-change.ts';
import { appendVersion, readEntryVersion } from '../../src/lib/identity/entry-version.ts';

type Scanned = ScanResult['records'][number];

/**
 * Read one dump, and plan the write of each of its stories' entries that is new.
 *
 * @param file The dump: absolute path, name relative to the input folder, and its last hash.
 * @param outDir The entries folder.
 * @param writes Where the entry files to write are added.
 * @param fresh The output folder had no entries: skip looking for each file.
 * @param cache The extraction stage's cache, when extracting.
 */
function scanFile(
  file: ScanTask['files'][number],
  outDir: string,
  writes: FilePacker,
  unchanged: UnchangedFiles,
  fresh = false,
  cache?: KnowledgeCache,
): Scanned {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file.path);
  } catch (error) {
    return { name: file.name, record: { hash: '', articles: [], errors: [unreadable(error)] }, outcomes: {} };
  }
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
  const failed: ReadError[] = [];
  const extracted = cache ? knowledgeOfDump(cache, hash, articles) : undefined;
  for (const article of articles) {
    // One article the ingest cannot handle must not cost the others.
    try {
      const id = contentId(article);
      const slug = makeSlug(article.title, id);
      const digest = articleDigest(article, id);
      const sources = [{ file: file.name, index: article.index, line: article.line }];
      const { sketch, shingles, words } = sketchArticle(article);
      const knowledge = extracted?.get(article.index);
      const outcome = planWrite({ article, sources, id, slug, textWords: words, outDir, writes, unchanged, onlyNew: true, fresh, knowledge });
      refs.push({ id, digest, slug, signature: entrySignature(id, digest, slug, sources), index: article.index, line: article.line, sketch, shingles });
      outcomes[slug] = outcome;
    } catch (error) {
      failed.push(internalError(error, article.line));
    }
  }
  return { name: file.name, record: { hash, articles: refs, errors: [...errors.map((error) => describe(error, 'article')), ...failed] }, outcomes };
}

/**
 * Plan the writes of some articles of one dump, with the sources and slugs
 * the ingest settled on, leaving files whose content is unchanged alone.
 *
 * @param task Which articles, under which slugs, with which sources.
 */
function renderFile(task: RenderTask): Omit<RenderResult, 'extractMs'> {
  const writes = new FilePacker();
  const result: Omit<RenderResult, 'writes' | 'extractMs'> = { kind: 'render', written: [], unchanged: {}, errors: [], histories: {} };
  let articles;
  let bytes;
  try {
    bytes = readFileSync(task.path);
    articles = parseDump(decodeDump(bytes, task.name), task.name).articles;
  } catch (error) {
    result.errors.push(error instanceof IngestError ? describe(error, 'file') : unreadable(error));
    return { ...result, writes: writes.pack() };
  }
  const byIndex = new Map(articles.map((article) => [article.index, article]));
  const dumps = new Map<string, Map<number, ParsedArticle>>([[task.path, byIndex]]);
  const wanted = new Set(task.items.map((item) => item.index));
  const extracted = task.knowledge
    ? knowledgeOfDump(
        task.knowledge,
        hashBytes('sha256', bytes),
        articles.filter((article) => wanted.has(article.index)),
      )
    : undefined;
  for (const item of task.items) {
    const article = byIndex.get(item.index);
    if (!article) {
      result.errors.push({ kind: 'file', line: 0, reason: `changed while it was read: article ${item.index} is gone, run the ingest again` });
      continue;
    }
    try {
      const { sources, slug, id } = item;
      const replaced = item.previous === undefined ? undefined : describeReplaced(item.previous, article, task.name);
      if (replaced) result.histories[slug] = replaced;
      const versions = replaced ?? item.history ?? (item.versions && describeVersions(item.versions, dumps));
      const knowledge = extracted?.get(article.index);
      const outcome = planWrite({ article, sources, id, slug, versions, outDir: task.outDir, writes, unchanged: result.unchanged, onlyNew: false, knowledge });
      if (outcome === 'written') result.written.push(item.slug);
    } catch (error) {
      result.errors.push(internalError(error, article.line));
    }
  }
  return { ...result, writes: writes.pack() };
}

/**
 * What differed per source of a story read more than once: each version
 * against the one before it in archive order.
 *
 * @param versions Where each version stands.
 * @param dumps Dumps already parsed, by path (filled as it goes).
 */
function describeVersions(versions: NonNullable<RenderItem['versions']>, dumps: Map<string, Map<number, ParsedArticle>>): Version[] {
  const read = (version: (typeof versions)[number]): ParsedArticle => {
    let articles = dumps.get(version.path);
    if (!articles) {
      articles = new Map(parseDump(decodeDump(readFileSync(version.path), version.name), version.name).articles.map((a) => [a.index, a]));
      dumps.set(version.path, articles);
    }
    const article = articles.get(version.index);
    if (!article) throw new IngestError(version.name, 0, `changed while it was read: article ${version.index} is gone, run the ingest again`);
    return article;
  };
  let previous: VersionText | undefined;
  return versions.map((version) => {
    const text = versionText(read(version));
    const change = previous ? describeChange(previous, text) : 'first read';
    previous = text;
    return { file: version.name, index: version.index, change };
  });
}

/**
 * The versions of a story whose text changed since its entry was written: the
 * old entry's, then this text described against the old entry's.
 *
 * @param previous The old entry file.
 * @returns The versions, or undefined when the old entry is gone or says the same.
 */
function describeReplaced(previous: string, article: ParsedArticle, name: string): Version[] | undefined {
  const old = readIfExists(previous);
  const read = typeof old === 'string' ? readEntryVersion(old) : undefined;
  return read && appendVersion(read, { text: versionText(article), file: name, index: article.index });
}

/** Where an entry goes and what to do when a file is already there. */
interface WritePlan {
  article: ParsedArticle;
  sources: Source[];
  id: string;
  slug: string;
  /** What differed per source, for a story read more than once. */
  versions?: Version[];
  outDir: string;
  /** Where the files to write are added. */
  writes: FilePacker;
  /** Where a file found already as it would be written is recorded. */
  unchanged: UnchangedFiles;
  /** A file that differs is left alone and reported as deferred. */
  onlyNew: boolean;
  /** The output folder had no entries: skip looking for the file. */
  fresh?: boolean;
  /** The story's knowledge fields, when extracted. */
  knowledge?: Knowledge;
  /** The words of its paragraphs and headings, when counted already. */
  textWords?: number;
}

/** Plan the write of one entry unless the file already says the same. */
function planWrite({ article, sources, id, slug, versions, outDir, writes, unchanged, onlyNew, fresh = false, knowledge, textWords }: WritePlan): ScanOutcome {
  const built = buildEntry(article, sources, { id, slug, versions, knowledge, textWords });
  const markdown = serializeEntry(built.entry, built.body);
  const name = `${slug}.md`;
  const target = path.join(outDir, name);
  const existing = fresh ? undefined : readIfExists(target);
  if (existing === markdown) {
    unchanged[name] = { size: Buffer.byteLength(markdown), hash: fileHash(markdown) };
    return 'unchanged';
  }
  if (onlyNew && existing !== undefined) return 'deferred';
  writes.add(target, markdown);
  return 'written';
}

// Most entries are new on a first run: a failed read would build an exception
// with a stack trace for each, a stat does not.
// One that cannot be read (a folder in its place, say) differs from any entry.
function readIfExists(file: string): string | null | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function unreadable(error: unknown): ReadError {
  return { kind: 'file', line: 0, reason: `cannot read the file (${describeError(error)})` };
}

/** A fault of the ingest's own code on one article: reported with where, and the run goes on. */
function internalError(error: unknown, line: number): ReadError {
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'article', line, reason: `internal error, please report it: ${message.split('\n')[0]}`, internal: true };
}

function describe(error: unknown, kind: ReadError['kind']): ReadError {
  if (error instanceof IngestError) return { kind, line: error.line, reason: error.reason };
  return { kind, line: 0, reason: error instanceof Error ? error.message : String(error) };
}

/** Write the entry files of a scan's last batches (`WriteTask`). */
function writeFiles({ packs, direct }: WriteTask): WriteResult {
  const result: WriteResult = { kind: 'write', written: [], failed: [] };
  for (const packed of packs) {
    const { written, failed } = writePacked(packed, direct);
    result.written.push(...written);
    result.failed.push(...failed);
  }
  return result;
}

/**
 * Run one task: what a worker does with each message, and what the ingest
 * calls directly for work too small to start workers for.
 *
 * @param task A scan, a render or a write.
 */
export async function runTask(task: ScanTask | RenderTask | WriteTask): Promise<ScanResult | RenderResult | WriteResult> {
  if (task.kind === 'write') return writeFiles(task);
  const before = extractionCpuMs();
  if (task.kind === 'render') return { ...renderFile(task), extractMs: extractionCpuMs() - before };
  const writes = new FilePacker(task.spare);
  const unchanged: UnchangedFiles = {};
  const records = task.files.map((file): Scanned => {
    try {
      return scanFile(file, task.outDir, writes, unchanged, task.fresh, task.knowledge);
    } catch (error) {
      // A fault of the ingest on one dump costs that dump only.
      return { name: file.name, record: { hash: '', articles: [], errors: [{ ...internalError(error, 0), kind: 'file' }] }, outcomes: {} };
    }
  });
  return { kind: 'scan', extractMs: extractionCpuMs() - before, writes: writes.pack(), unchanged, records };
}

parentPort?.on('message', async (task: ScanTask | RenderTask | WriteTask) => {
  try {
    const result = await runTask(task);
    const buffer = result.kind === 'write' ? undefined : result.writes.bytes.buffer;
    parentPort?.postMessage(result, buffer && buffer.byteLength > 0 ? [buffer as ArrayBuffer] : []);
  } catch (error) {
    parentPort?.postMessage({ kind: 'crash', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});

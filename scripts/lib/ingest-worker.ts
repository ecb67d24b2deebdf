/**
 * Ingest worker: reads dumps and writes entries, so both cores share the work.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { decodeDump } from '../../src/lib/ingest/decode-dump.ts';
import { parseDump } from '../../src/lib/ingest/parse-dump.ts';
import { contentId, buildEntry } from '../../src/lib/ingest/build-entry.ts';
import { articleDigest } from '../../src/lib/ingest/article-digest.ts';
import { makeSlug } from '../../src/lib/ingest/slug.ts';
import { serializeEntry } from '../../src/lib/ingest/serialize-entry.ts';
import { IngestError } from '../../src/lib/ingest/errors.ts';
import type { FileRecord, RenderResult, RenderTask, ScanResult, ScanTask } from './ingest-protocol.ts';

/**
 * Read one dump: its articles' identities, and what could not be read.
 *
 * @param filePath Absolute path.
 * @param name Path relative to the input folder, for messages and sources.
 */
export function scanFile(filePath: string, name: string): Omit<FileRecord, 'size' | 'mtimeMs'> {
  const bytes = readFileSync(filePath);
  const hash = createHash('sha256').update(bytes).digest('hex');
  let text: string;
  try {
    text = decodeDump(bytes, name);
  } catch (error) {
    return { hash, articles: [], errors: [describe(error)] };
  }
  if (text.trim().length === 0) return { hash, articles: [], errors: [] };
  const { articles, errors } = parseDump(text, name);
  return {
    hash,
    articles: articles.map((article) => {
      const id = contentId(article);
      return { id, digest: articleDigest(article), slug: makeSlug(article.title, id), index: article.index, line: article.line };
    }),
    errors: errors.map(describe),
  };
}

/**
 * Write the entries of some articles of one dump, leaving files whose content is unchanged alone.
 *
 * @param task Which articles, under which slugs, with which sources.
 */
export function renderFile(task: RenderTask): RenderResult {
  const result: RenderResult = { kind: 'render', written: [], unchanged: 0, errors: [] };
  let articles;
  try {
    articles = parseDump(decodeDump(readFileSync(task.path), task.name), task.name).articles;
  } catch (error) {
    result.errors.push(describe(error));
    return result;
  }
  const byIndex = new Map(articles.map((article) => [article.index, article]));
  for (const item of task.items) {
    const article = byIndex.get(item.index);
    if (!article) {
      result.errors.push({ line: 0, reason: `changed while it was read: article ${item.index} is gone, run the ingest again` });
      continue;
    }
    const built = buildEntry(article, item.sources, undefined, item.slug);
    const markdown = serializeEntry(built.entry, built.body);
    const target = path.join(task.outDir, `${item.slug}.md`);
    if (readIfExists(target) === markdown) {
      result.unchanged++;
      continue;
    }
    if (!task.dryRun) writeFileSync(target, markdown);
    result.written.push(item.slug);
  }
  return result;
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function describe(error: unknown): { line: number; reason: string } {
  if (error instanceof IngestError) return { line: error.line, reason: error.reason };
  return { line: 0, reason: error instanceof Error ? error.message : String(error) };
}

parentPort?.on('message', (task: ScanTask | RenderTask) => {
  try {
    if (task.kind === 'scan') {
      const result: ScanResult = {
        kind: 'scan',
        records: task.files.map((file) => ({ name: file.name, record: scanFile(file.path, file.name) })),
      };
      parentPort?.postMessage(result);
    } else {
      parentPort?.postMessage(renderFile(task));
    }
  } catch (error) {
    parentPort?.postMessage({ kind: 'crash', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});

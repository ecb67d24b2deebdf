/**
 * The ingest's extraction stage: the knowledge fields of each story of a dump,
 * cached by the dump's hash. Extraction costs far more than the rest of the
 * ingest (see DESIGN.md), so its results outlive the ingest's own version: a
 * change to how entries are written re-renders every entry from the cache,
 * and a re-run pays only for dumps whose bytes changed (or for a new
 * extractor).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractKnowledge, type Knowledge } from '../../src/lib/knowledge/extract-knowledge.ts';
import type { ParsedArticle } from '../../src/lib/ingest/types.ts';

/** Where the stage keeps its cache and which extractor wrote it. */
export interface KnowledgeCache {
  /** A folder of `<dump hash>.json` files. */
  dir: string;
  /** `knowledgeVersion()`: a cache file written by another extractor is ignored. */
  version: string;
  /** Write what was extracted (false for a run that only checks). */
  write: boolean;
}

/** Folder of the cache inside an entries folder (hidden: no entry). */
export const CACHE_DIR_NAME = '.knowledge-cache';

// CPU time this thread spent extracting, in microseconds: the stage's own
// cost, apart from the rest of the ingest (bench:ingest reports it per core).
let extractionMicros = 0;

/** CPU milliseconds this thread has spent extracting so far. */
export function extractionCpuMs(): number {
  return extractionMicros / 1000;
}

const threadMicros = () => {
  const usage = process.threadCpuUsage();
  return usage.user + usage.system;
};

interface CacheFile {
  version: string;
  /** By the article's index in its dump. */
  articles: Record<number, Knowledge>;
}

/** A hash of the extractor's code and its libraries' versions. */
export function knowledgeVersion(): string {
  const hash = createHash('sha256');
  const core = fileURLToPath(new URL('../../src/lib/knowledge/', import.meta.url));
  for (const name of readdirSync(core)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .sort()) {
    hash.update(readFileSync(path.join(core, name)));
  }
  for (const library of ['compromise', 'chrono-node']) {
    const manifest = fileURLToPath(new URL(`../../node_modules/${library}/package.json`, import.meta.url));
    hash.update(existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version : library);
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * The stage's cache for a run into `outDir`, or none when the run does not extract.
 *
 * @param outDir The entries folder (the cache is a hidden folder in it).
 * @param options `extract: false` for `--no-extract`; `check` for a run that writes nothing.
 */
export function openKnowledgeCache(outDir: string, options: { extract: boolean; check: boolean }): KnowledgeCache | undefined {
  if (!options.extract) return undefined;
  const cache: KnowledgeCache = { dir: path.join(outDir, CACHE_DIR_NAME), version: knowledgeVersion(), write: !options.check };
  if (cache.write && !existsSync(cache.dir)) {
    try {
      mkdirSync(cache.dir);
    } catch {
      // No cache costs the next run the extraction again, nothing more.
      cache.write = false;
    }
  }
  return cache;
}

/**
 * The knowledge of each article of one dump: from the cache where it has it,
 * else extracted, and then the dump's cache file is written. The worker
 * writes it (atomically, by a rename), apart from the entries the main thread
 * writes and the manifest records: the cache is no entry, and one file a dump
 * in a folder of its own does not contend with them.
 *
 * @param cache The cache's folder and version.
 * @param dumpHash SHA-256 of the dump's bytes.
 * @param articles The dump's articles (or some of them).
 * @returns By article index.
 */
export function knowledgeOfDump(cache: KnowledgeCache, dumpHash: string, articles: readonly ParsedArticle[]): Map<number, Knowledge> {
  const file = path.join(cache.dir, `${dumpHash}.json`);
  let cached: CacheFile = { version: cache.version, articles: {} };
  if (existsSync(file)) {
    try {
      const read = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
      if (read.version === cache.version && read.articles) cached = read;
    } catch {
      // A damaged cache file is extracted again and rewritten.
    }
  }
  const result = new Map<number, Knowledge>();
  let extracted = 0;
  const started = threadMicros();
  for (const article of articles) {
    let knowledge = cached.articles[article.index];
    if (!knowledge) {
      try {
        knowledge = extractKnowledge(article);
      } catch {
        // A fault of the extractor on one story costs that story its fields, not its entry.
        continue;
      }
      cached.articles[article.index] = knowledge;
      extracted++;
    }
    result.set(article.index, knowledge);
  }
  extractionMicros += threadMicros() - started;
  if (extracted > 0 && cache.write) {
    try {
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(cached));
      renameSync(temporary, file);
    } catch {
      // An unwritable cache costs the next run the extraction again, nothing more.
    }
  }
  return result;
}

/**
 * Remove the cache files of dumps that are gone or changed.
 *
 * @param hashes The hashes of the dumps the archive holds now.
 */
export function pruneKnowledgeCache(cache: KnowledgeCache, hashes: ReadonlySet<string>): void {
  let names: string[];
  try {
    names = readdirSync(cache.dir);
  } catch {
    return;
  }
  for (const name of names) if (name.endsWith('.json') && !hashes.has(name.slice(0, -5))) rmSync(path.join(cache.dir, name), { force: true });
}

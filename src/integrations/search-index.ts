/**
 * Astro integration for search: before pages render, it indexes the entry
 * files (so story pages can list related stories); once the site is built, it
 * moves the index into `<outDir>/search/data/`. Indexing reads entry files
 * directly rather than one endpoint per shard, which stays fast at 100k
 * stories. A build starts it in a worker thread once the config is known, so
 * that it overlaps Astro's content sync, and waits before pages render only
 * for related stories: the other files are written while pages render
 * (DESIGN.md).
 */
import { cp, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { type IndexStats, indexArchive, writeIndexFiles } from '../lib/search/build/index-fs.ts';

/** What the indexing worker posts: related stories written, then every file written. */
export type WorkerMessage = { related: true } | { stats: IndexStats };

/** Where the index is served from, below the site root; the browser code fetches from here. */
export const SEARCH_INDEX_PATH = 'search/data';

// Pages learn where the build wrote `related.json` from this virtual module
// (declared in `src/env.d.ts`), not from the environment.
const FILES_MODULE = 'virtual:clippings/search-files';

/**
 * The search integration.
 *
 * @param options.articlesDir Folder of entry files to index (`SITE.articlesDir`).
 */
export function searchIndex(options: { articlesDir: string }): AstroIntegration {
  let stage = '';
  let building = false;
  let indexing: Indexing | undefined;
  return {
    name: 'clippings-search-index',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        building = command === 'build';
        const resolved = `\0${FILES_MODULE}`;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'clippings-search-files',
                resolveId: (id: string) => (id === FILES_MODULE ? resolved : undefined),
                load: (id: string) => (id === resolved ? `export const relatedFile = ${JSON.stringify(path.join(stage, 'related.json'))};` : undefined),
              },
            ],
          },
        });
      },
      'astro:config:done': ({ config }) => {
        stage = path.join(fileURLToPath(config.cacheDir), 'clippings-search');
        if (building) indexing = indexInWorker(options.articlesDir, stage);
      },
      'astro:build:start': async () => {
        indexing ??= indexHere(options.articlesDir, stage);
        await indexing.related;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const stats = await (indexing as Indexing).done;
        logger.info(
          `indexed ${stats.stories} stories: ${stats.terms} terms in ${stats.shards} shards, ` +
            `${(stats.indexBytes / 1e6).toFixed(1)} MB index + ${(stats.recordBytes / 1e6).toFixed(1)} MB records + ${(stats.textBytes / 1e6).toFixed(1)} MB texts, gzipped ` +
            `(${Math.round(stats.timings.index)} ms index, ${Math.round(stats.timings.shards)} ms shards, ${Math.round(stats.timings.related)} ms related)`,
        );
        const target = path.join(fileURLToPath(dir), SEARCH_INDEX_PATH);
        await rm(target, { recursive: true, force: true });
        await mkdir(path.dirname(target), { recursive: true });
        await rm(path.join(stage, 'related.json'), { force: true });
        try {
          await rename(stage, target);
        } catch {
          // Across file systems: copy instead.
          await cp(stage, target, { recursive: true });
        }
      },
    },
  };
}

/** An index build under way: related stories written (pages may render), and every file written. */
interface Indexing {
  related: Promise<void>;
  done: Promise<IndexStats>;
}

/** `writeSearchFiles` on this thread, in the same two steps. */
function indexHere(articlesDir: string, stage: string): Indexing {
  const indexed = indexArchive(articlesDir, stage);
  return { related: indexed.then(() => undefined), done: indexed.then((archive) => writeIndexFiles(archive, articlesDir, stage)) };
}

/** `writeSearchFiles` in a worker thread; both promises are marked handled, so a failure surfaces where one is awaited. */
function indexInWorker(articlesDir: string, stage: string): Indexing {
  let related!: { resolve: () => void; reject: (error: Error) => void };
  const relatedWritten = new Promise<void>((resolve, reject) => (related = { resolve, reject }));
  const done = new Promise<IndexStats>((resolve, reject) => {
    const worker = new Worker(new URL('./search-index-worker.ts', import.meta.url), { workerData: { articlesDir, stage } });
    worker.on('message', (message: WorkerMessage) => ('stats' in message ? resolve(message.stats) : related.resolve()));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`search index: the indexing worker exited (${code}) before it finished`)));
  });
  // A failure before related stories were written fails the wait for them too (a settled promise ignores it).
  done.catch((error: Error) => related.reject(error));
  relatedWritten.catch(() => {});
  return { related: relatedWritten, done };
}

/**
 * Astro integration for search: before pages render, it indexes the entry
 * files (so story pages can list related stories); once the site is built, it
 * moves the index into `<outDir>/search/data/`. Indexing reads entry files
 * directly rather than one endpoint per shard, which stays fast at 100k
 * stories.
 */
import { cp, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { writeSearchFiles } from '../lib/search/build/index-fs.ts';

/** Where the index is served from, below the site root; the browser code fetches from here. */
export const SEARCH_INDEX_PATH = 'search/data';

// Pages learn where the build wrote `related.json` from this virtual module
// (declared in `src/env.d.ts`), not from the environment.
const FILES_MODULE = 'virtual:clippings/search-files';

/**
 * The search integration.
 *
 * @param options.articlesDir Folder of entry files to index (`SITE.articlesDir`).
 * @returns The integration.
 */
export function searchIndex(options: { articlesDir: string }): AstroIntegration {
  let stage = '';
  return {
    name: 'clippings-search-index',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
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
      },
      'astro:build:start': async ({ logger }) => {
        const stats = await writeSearchFiles(options.articlesDir, stage);
        logger.info(
          `indexed ${stats.stories} stories: ${stats.terms} terms in ${stats.shards} shards, ` +
            `${(stats.indexBytes / 1e6).toFixed(1)} MB index + ${(stats.recordBytes / 1e6).toFixed(1)} MB records + ${(stats.textBytes / 1e6).toFixed(1)} MB texts, gzipped ` +
            `(${Math.round(stats.timings.index)} ms index, ${Math.round(stats.timings.shards)} ms shards, ${Math.round(stats.timings.related)} ms related)`,
        );
      },
      'astro:build:done': async ({ dir }) => {
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

/**
 * Site constants, bound once: the archive's `clippings.config.ts`, overridden
 * by environment variables, plus the content folders. Every page, integration
 * and test reads them from here. Node only: browser code gets the base path
 * from `import.meta.env.BASE_URL` (see `lib/site/paths.ts`).
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import archive from '../clippings.config.ts';
import { resolveArchiveConfig } from './lib/site/archive-config.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Absolute path of a folder named by an environment variable, or the default below the project root. */
function folder(variable: string, fallback: string): string {
  const value = process.env[variable];
  return path.resolve(root, value && value.length > 0 ? value : fallback);
}

const config = resolveArchiveConfig(archive, process.env);
const articlesDir = folder('CLIPPINGS_ARTICLES_DIR', 'content/articles');
const ownArticles = articlesDir === path.resolve(root, 'content/articles');

export const SITE = {
  ...config,
  /** Name shown in the header, feeds and metadata (`name` in the config file). */
  title: config.name,
  /** Where the raw dumps are read from. */
  rawDir: folder('CLIPPINGS_RAW_DIR', 'content/raw'),
  /** Where the ingest writes entries and the content collection reads them. */
  articlesDir,
  /**
   * The entity history (old entity URLs and where they lead): kept in git
   * beside the URL ledger for the archive's own entries, inside any other
   * entries folder, so tests and benchmarks never touch the tracked file.
   */
  entityHistoryFile: folder('CLIPPINGS_ENTITY_HISTORY', ownArticles ? 'content/entity-history.txt' : path.join(articlesDir, '.entity-history.txt')),
  /** Astro's cache folder; build caches of our own (social images) live below it. */
  cacheDir: folder('CLIPPINGS_CACHE_DIR', 'node_modules/.astro'),
} as const;

/**
 * Site constants, bound once: every page, script and test reads them from here.
 * The two folders can be moved with environment variables so benchmarks can
 * build a generated archive without touching `content/`.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Absolute path of a folder named by an environment variable, or the default below the project root. */
function folder(variable: string, fallback: string): string {
  const value = process.env[variable];
  return path.resolve(root, value && value.length > 0 ? value : fallback);
}

/** A positive whole number from an environment variable, or the default. */
function whole(variable: string, fallback: number): number {
  const value = Number(process.env[variable]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

export const SITE = {
  /** Name shown in the header, feeds and metadata. */
  title: 'Clippings',
  /** One line on what the archive holds, for the front page and feeds. */
  description: 'A searchable archive of news stories.',
  /** Public origin the site is deployed at; canonical URLs, feeds and the sitemap use it. */
  url: process.env.CLIPPINGS_SITE_URL ?? 'https://clippings.example.org',
  /** Language of the interface (stories may carry their own direction). */
  lang: 'en',
  /** Stories per listing page (CLIPPINGS_PAGE_SIZE: the browser tests use small pages to reach page 2). */
  pageSize: whole('CLIPPINGS_PAGE_SIZE', 24),
  /** Headlines per page of the A–Z index, a plain list (CLIPPINGS_INDEX_PAGE_SIZE). */
  indexPageSize: whole('CLIPPINGS_INDEX_PAGE_SIZE', 200),
  /** Stories in the RSS feed: the last ones in archive order. */
  feedSize: 50,
  /** Where the raw dumps are read from. */
  rawDir: folder('CLIPPINGS_RAW_DIR', 'content/raw'),
  /** Where the ingest writes entries and the content collection reads them. */
  articlesDir: folder('CLIPPINGS_ARTICLES_DIR', 'content/articles'),
} as const;

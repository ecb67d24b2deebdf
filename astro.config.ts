/**
 * The archive site. Output and cache folders can be moved with environment
 * variables so tests and benchmarks build into their own folders without
 * touching `dist/` or each other's content store.
 */
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { SITE } from './src/site.config.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { publishFiles } from './src/integrations/publish-files.ts';
import { offline } from './src/integrations/offline.ts';
import { redirectsFile } from './src/integrations/redirects-file.ts';
import { pageBundle } from './src/integrations/page-bundle.ts';
import { inlineManifestBlock } from './src/lib/search/format/inline-manifest.ts';
import { loadStoryRedirects } from './src/lib/site/story-redirects-fs.ts';
import { loadEntityRedirects } from './src/lib/site/entity-history-fs.ts';

// Moved story and entity URLs: static pages for every host, a real 301 where
// `_redirects` is read, never in the sitemap. Entity redirects are settled
// while the pages render, so both are read when the build is done.
const movedPages = () => [...loadStoryRedirects(SITE.articlesDir), ...loadEntityRedirects(SITE.entityHistoryFile)];
let moved: Set<string> | undefined;
const isMoved = (pathname: string) => (moved ??= new Set(movedPages().map((redirect) => redirect.from))).has(pathname);

const searchPageCode = pageBundle({
  base: SITE.base,
  page: 'search/index.html',
  entry: new URL('./src/scripts/search/search-page.ts', import.meta.url),
  define: { __CLIPPINGS_BASE__: JSON.stringify(SITE.base) },
  inline: [{ file: 'search/data/manifest.json', element: inlineManifestBlock }],
});

export default defineConfig({
  site: SITE.url,
  base: SITE.base,
  trailingSlash: 'always',
  outDir: process.env.CLIPPINGS_OUT_DIR || './dist',
  cacheDir: SITE.cacheDir,
  build: {
    format: 'directory',
    // One small stylesheet, shared and cached by every page but search, which carries it (`searchPageCode`).
    inlineStylesheets: 'never',
    // Pages render a few at once, so one waiting on the disk does not idle the CPU.
    concurrency: 4,
  },
  devToolbar: { enabled: false },
  vite: {
    // The base path for `lib/site/paths.ts`, in pages and browser scripts alike.
    define: {
      __CLIPPINGS_BASE__: JSON.stringify(SITE.base),
      // Paths resolved here, where the project root is known (see src/env.d.ts).
      __CLIPPINGS_ENTITY_HISTORY__: JSON.stringify({ file: SITE.entityHistoryFile, articlesDir: SITE.articlesDir }),
    },
    // Never inline a small script or asset into the page: the Content-Security-Policy
    // allows scripts from files only (and, by their hashes, the theme script and `searchPageCode`'s).
    build: { assetsInlineLimit: 0 },
    // Benchmark archives and raw dumps can hold 100k files: never watch them.
    server: { watch: { ignored: ['**/.bench/**', '**/content/raw/**', '**/dist/**'] } },
  },
  integrations: [
    sitemap({
      filter: (page) => !page.endsWith('/404/') && !page.endsWith('/offline/') && !isMoved(new URL(page).pathname.slice(SITE.base.length - 1)),
    }),
    searchIndex({ articlesDir: SITE.articlesDir }),
    // The search page's code (one classic script, bundled) and style sheets written into its head: the
    // query starts, and the page is first laid out, without waiting for a request. The index manifest
    // goes before the script, so the query fetches its shards at once. After `searchIndex`, whose
    // `astro:build:done` writes the manifest into the output.
    searchPageCode,
    // After `searchPageCode`: the policy in `_headers` allows the code it wrote, by its hashes.
    publishFiles({ base: SITE.base, inlineCode: () => searchPageCode.inlineCode() }),
    offline({ name: SITE.name, description: SITE.description, lang: SITE.lang, base: SITE.base }),
    // `_redirects` paths are the host's: under the base.
    redirectsFile({
      sources: [() => movedPages().map(({ from, to }) => ({ from: `${SITE.base.slice(0, -1)}${from}`, to: `${SITE.base.slice(0, -1)}${to}` }))],
    }),
  ],
});

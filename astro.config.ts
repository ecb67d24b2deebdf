/**
 * The archive site. Output and cache folders can be moved with environment
 * variables so tests and benchmarks build into their own folders without
 * touching `dist/` or each other's content store.
 */
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { SITE } from './src/site.config.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { redirectsFile } from './src/integrations/redirects-file.ts';
import { loadStoryRedirects } from './src/lib/site/story-redirects-fs.ts';

// Moved story URLs: static pages for every host, a real 301 where `_redirects` is read, never in the sitemap.
const movedStories = () => loadStoryRedirects(SITE.articlesDir);
const moved = new Set(movedStories().map((redirect) => redirect.from));

export default defineConfig({
  site: SITE.url,
  trailingSlash: 'always',
  outDir: process.env.CLIPPINGS_OUT_DIR || './dist',
  cacheDir: process.env.CLIPPINGS_CACHE_DIR || './node_modules/.astro',
  build: {
    format: 'directory',
    // One small stylesheet, shared and cached by every page.
    inlineStylesheets: 'never',
    // Pages render a few at once, so one waiting on the disk does not idle the CPU.
    concurrency: 4,
  },
  devToolbar: { enabled: false },
  vite: {
    // Benchmark archives and raw dumps can hold 100k files: never watch them.
    server: { watch: { ignored: ['**/.bench/**', '**/content/raw/**', '**/dist/**'] } },
  },
  integrations: [
    sitemap({ filter: (page) => !page.endsWith('/404/') && !moved.has(new URL(page).pathname) }),
    searchIndex({ articlesDir: SITE.articlesDir }),
    redirectsFile({ sources: [movedStories] }),
  ],
});

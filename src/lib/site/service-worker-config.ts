/**
 * What the service worker does, as Workbox `generateSW` options: precache
 * only the small shell (the offline page, the stylesheet, the manifest and
 * icons), never search data up front; cache each page as it is read and each
 * search file as a query uses it; show the offline page for a page never
 * read. Pure: the integration (`integrations/offline.ts`) runs it.
 *
 * Routes are regular expressions over the full URL, not functions: Workbox
 * writes functions into the worker as source text, without the base they
 * would close over.
 */
import type { GenerateSWOptions } from 'workbox-build';

/** Files (globs below the base) precached at install: a few tens of KB. */
export const SHELL_GLOBS = ['offline/index.html', '_astro/*.css', 'favicon.svg', 'manifest.webmanifest', 'icons/*.png'];

/** Where the worker is written and served, below the base. */
export const SERVICE_WORKER_FILE = 'sw.js';

/** The page a never-read page falls back to offline, below the base. */
export const OFFLINE_PAGE = 'offline/';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * @param options.dir The built site's folder.
 * @param options.base The base path ("/", "/archive/").
 * @param options.cachePrefix Prefix of the runtime caches' names, so two archives on one origin keep apart.
 */
export function buildServiceWorkerOptions(options: { dir: string; base: string; cachePrefix: string }): GenerateSWOptions {
  const { dir, base, cachePrefix } = options;
  const under = `^https?://[^/]+${escapeRegExp(base)}`;
  return {
    globDirectory: dir,
    globPatterns: SHELL_GLOBS,
    // Vite's files carry their hash in the name: no revision needed.
    dontCacheBustURLsMatching: /_astro\//,
    // Globbed paths are relative to the folder: serve them under the base.
    modifyURLPrefix: { '': base },
    swDest: `${dir}/${SERVICE_WORKER_FILE}`,
    mode: 'production',
    sourcemap: false,
    // A new build's worker takes over at once and drops the old precache.
    skipWaiting: true,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    runtimeCaching: [
      {
        // Scripts and styles: content-hashed names, never revalidated.
        urlPattern: new RegExp(`${under}_astro/`),
        handler: 'CacheFirst',
        options: { cacheName: `${cachePrefix}-assets`, expiration: { maxEntries: 200 } },
      },
      {
        // Index shards and vocabulary: content-hashed, kept once a query used them.
        urlPattern: new RegExp(`${under}search/data/(?:shards|vocabulary)/`),
        handler: 'CacheFirst',
        options: { cacheName: `${cachePrefix}-search`, expiration: { maxEntries: 2000 } },
      },
      {
        // The search manifest, story records and filter files: no hash in the name, so the network first.
        urlPattern: new RegExp(`${under}search/data/`),
        handler: 'NetworkFirst',
        options: { cacheName: `${cachePrefix}-search-records`, networkTimeoutSeconds: 4, expiration: { maxEntries: 5000 } },
      },
      {
        // Pages (every page URL ends in "/", a query aside): the network first, the copy read last
        // when offline, the offline page for one never read. The search page is one page whatever
        // its query, so the query is ignored when matching.
        urlPattern: new RegExp(`${under}(?:[^?#]*/)?(?:\\?[^#]*)?$`),
        handler: 'NetworkFirst',
        options: {
          cacheName: `${cachePrefix}-pages`,
          networkTimeoutSeconds: 4,
          matchOptions: { ignoreSearch: true },
          expiration: { maxEntries: 1000 },
          precacheFallback: { fallbackURL: `${base}${OFFLINE_PAGE}index.html` },
        },
      },
    ],
  };
}

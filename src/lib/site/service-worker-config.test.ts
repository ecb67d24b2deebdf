import { describe, expect, it } from 'vitest';
import type { RuntimeCaching } from 'workbox-build';
import { buildServiceWorkerOptions, SHELL_GLOBS } from './service-worker-config.ts';

const options = buildServiceWorkerOptions({ dir: '/tmp/dist', base: '/archive/', cachePrefix: 'c' });
const routes = options.runtimeCaching as RuntimeCaching[];

/** The handler of the first route that matches a URL, as Workbox picks it. */
function routeFor(url: string): string | undefined {
  const route = routes.find((r) => (r.urlPattern as RegExp).test(url));
  return route ? `${route.handler} ${route.options?.cacheName}` : undefined;
}

describe('buildServiceWorkerOptions', () => {
  it('precaches the shell only, under the base', () => {
    expect(options.globPatterns).toEqual(SHELL_GLOBS);
    expect(SHELL_GLOBS.some((glob) => glob.includes('search') || glob.includes('articles'))).toBe(false);
    expect(options.modifyURLPrefix).toEqual({ '': '/archive/' });
  });

  it('sends each kind of URL under the base to its cache, and nothing outside it', () => {
    const origin = 'https://example.org';
    expect(routeFor(`${origin}/archive/_astro/x.Cr1I1Bcp.js`)).toBe('CacheFirst c-assets');
    expect(routeFor(`${origin}/archive/search/data/shards/0-16ac7pb.json`)).toBe('CacheFirst c-search');
    expect(routeFor(`${origin}/archive/search/data/vocabulary/0-5uujpc.json`)).toBe('CacheFirst c-search');
    expect(routeFor(`${origin}/archive/search/data/manifest.json`)).toBe('NetworkFirst c-search-records');
    expect(routeFor(`${origin}/archive/search/data/docs/3.json`)).toBe('NetworkFirst c-search-records');
    expect(routeFor(`${origin}/archive/articles/a-fire-3c1c09/`)).toBe('NetworkFirst c-pages');
    expect(routeFor(`${origin}/archive/`)).toBe('NetworkFirst c-pages');
    expect(routeFor(`${origin}/archive/search/?q=harbour`)).toBe('NetworkFirst c-pages');
    expect(routeFor(`${origin}/archive/rss.xml`)).toBeUndefined();
    expect(routeFor(`${origin}/elsewhere/articles/x/`)).toBeUndefined();
  });

  it('falls back to the precached offline page for a page never read', () => {
    const pages = routes.find((r) => r.options?.cacheName === 'c-pages');
    expect(pages?.options?.precacheFallback).toEqual({ fallbackURL: '/archive/offline/index.html' });
    expect(pages?.options?.matchOptions).toEqual({ ignoreSearch: true });
  });
});

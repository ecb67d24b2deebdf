/**
 * The `_headers` file Netlify and Cloudflare Pages read from the published
 * folder: the Content-Security-Policy and security headers on every path,
 * long immutable caching only for files whose names carry a content hash, and
 * revalidation for the search files whose names do not.
 *
 * Both hosts apply every rule that matches a path, and when two rules set one
 * header they may join the values with a comma. So `Cache-Control` is set only
 * by rules that never overlap, and HTML keeps the hosts' default (revalidate
 * on every visit: `max-age=0, must-revalidate` on both).
 */

/** Revalidate every time (a 304 costs a round trip, no body). */
export const REVALIDATE = 'public, max-age=0, must-revalidate';
/** A year, never revalidated: only for names that change when the content does. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Folders (below the base) whose every file name carries a content hash. */
export const HASHED_FOLDERS = ['_astro/', 'search/data/shards/', 'search/data/vocabulary/'] as const;
/** Files and folders whose names carry no hash, yet change between builds. */
export const UNHASHED_DATA = [
  'search/data/manifest.json',
  'search/data/docs/*',
  'search/data/texts/*',
  'search/data/facets/*',
  'sw.js',
  'manifest.webmanifest',
] as const;

/** One rule: a path pattern and its headers. */
export interface HeaderRule {
  path: string;
  headers: Array<[name: string, value: string]>;
}

/**
 * The rules, in file order.
 *
 * @param options.base The site's base path ("/", "/archive/").
 * @param options.csp The Content-Security-Policy header value.
 */
export function listHeaderRules(options: { base: string; csp: string }): HeaderRule[] {
  const { base, csp } = options;
  return [
    {
      path: `${base}*`,
      headers: [
        ['Content-Security-Policy', csp],
        ['X-Content-Type-Options', 'nosniff'],
        ['Referrer-Policy', 'strict-origin-when-cross-origin'],
      ],
    },
    ...HASHED_FOLDERS.map((folder) => ({ path: `${base}${folder}*`, headers: [['Cache-Control', IMMUTABLE]] as HeaderRule['headers'] })),
    ...UNHASHED_DATA.map((file) => ({ path: `${base}${file}`, headers: [['Cache-Control', REVALIDATE]] as HeaderRule['headers'] })),
  ];
}

/** The rules as the `_headers` file's text. */
export function formatHeadersFile(rules: readonly HeaderRule[]): string {
  const blocks = rules.map((rule) => [rule.path, ...rule.headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n'));
  return `# Written by the build (src/lib/site/headers-file.ts): edit that, not this.\n${blocks.join('\n\n')}\n`;
}

/**
 * The site's path helpers, bound to the build's base path. Safe in pages and
 * in browser scripts alike: every internal link goes through these.
 *
 * The base comes from `__CLIPPINGS_BASE__`, which `astro.config.ts` defines
 * from the config, rather than from `import.meta.env.BASE_URL`: Astro lets a
 * `BASE_URL` environment variable (Vitest sets one) override the latter in
 * server code, which would silently root every link. Outside a build
 * (unit tests) the base is "/".
 */
import { createPathFormatter } from './format-path.ts';

export const paths = createPathFormatter(typeof __CLIPPINGS_BASE__ === 'string' ? __CLIPPINGS_BASE__ : '/');

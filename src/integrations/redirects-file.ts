/**
 * Writes `dist/_redirects` when the build is done, from every list of moved
 * pages it is given, so hosts that read the file answer with a real 301.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formatRedirectsFile, type Redirect } from '../lib/site/redirects.ts';

/**
 * @param options.sources Functions returning moved pages, called when the build is done (after the pages, which may add to them).
 */
export function redirectsFile(options: { sources: (() => Redirect[])[] }): AstroIntegration {
  return {
    name: 'clippings:redirects-file',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const text = formatRedirectsFile(options.sources.flatMap((source) => source()));
        if (text !== '') writeFileSync(fileURLToPath(new URL('_redirects', dir)), text);
      },
    },
  };
}

/**
 * Astro integration: once the site is built, list in the head of the given
 * pages every module their scripts import statically (`module-preload.ts`),
 * so the browser fetches the search code with the page's CSS instead of a
 * round trip after the entry scripts ran; and make the module scripts in
 * their head `async`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { addModulePreloads, collectModuleGraph, listModuleScripts, makeHeadScriptsAsync } from '../lib/site/module-preload.ts';

/**
 * @param options.base The site's base path (`SITE.base`), which script URLs start with.
 * @param options.pages Pages to preload for, as output paths (`search/index.html`).
 */
export function modulePreload(options: { base: string; pages: string[] }): AstroIntegration {
  return {
    name: 'clippings:module-preload',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const out = fileURLToPath(dir);
        const read = (url: string) => {
          if (!url.startsWith(options.base)) return undefined;
          const file = path.join(out, url.slice(options.base.length));
          return file.startsWith(out) && existsSync(file) ? readFileSync(file, 'utf8') : undefined;
        };
        for (const page of options.pages) {
          const file = path.join(out, page);
          if (!existsSync(file)) continue;
          const html = readFileSync(file, 'utf8');
          writeFileSync(file, makeHeadScriptsAsync(addModulePreloads(html, collectModuleGraph(listModuleScripts(html), read))));
        }
      },
    },
  };
}

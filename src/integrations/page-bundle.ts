/**
 * Astro integration: once the site is built, bundle a page's script (and all
 * it imports) into one classic script, and put it in the page's head in
 * place of the module scripts Astro rendered (`lib/site/page-bundle.ts`).
 * The search page's first results wait for its code: this makes that one
 * request, run before the first paint. Data the script reads first (the
 * search manifest) goes in the page before it, so it waits for no request.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { replaceModuleScripts } from '../lib/site/page-bundle.ts';

/**
 * Bundle an entry into one minified classic script.
 *
 * @param entry The entry file.
 * @param define Compile-time constants (as Vite's `define`).
 * @returns The script's code.
 */
export async function bundleClassicScript(entry: string, define: Record<string, string>): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2022',
    legalComments: 'none',
    define,
    write: false,
  });
  return result.outputFiles[0]!.text;
}

/**
 * @param options.base The site's base path (`SITE.base`).
 * @param options.page The page, as an output path (`search/index.html`).
 * @param options.entry Its script's source file.
 * @param options.define Compile-time constants the script reads, as in the site's Vite config.
 * @param options.inline Files of the built site the script reads first, put in the page before it:
 *   each file's path below the output folder, and the element that carries its text.
 */
export function pageBundle(options: {
  base: string;
  page: string;
  entry: URL;
  define: Record<string, string>;
  inline?: { file: string; element: (text: string) => string }[];
}): AstroIntegration {
  return {
    name: 'clippings:page-bundle',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const code = await bundleClassicScript(fileURLToPath(options.entry), options.define);
        const hash = createHash('sha256').update(code).digest('base64url').slice(0, 8);
        const name = `_astro/${path.basename(fileURLToPath(options.entry), '.ts')}.${hash}.js`;
        await mkdir(path.join(out, '_astro'), { recursive: true });
        await writeFile(path.join(out, name), code);
        const data = await Promise.all(
          (options.inline ?? []).map(async ({ file, element }) => ({
            element: element(await readFile(path.join(out, file), 'utf8')),
            href: `${options.base}${file}`,
          })),
        );
        const file = path.join(out, options.page);
        await writeFile(file, replaceModuleScripts(await readFile(file, 'utf8'), `${options.base}${name}`, data));
        logger.info(`${options.page}: one script, ${name} (${(code.length / 1024).toFixed(1)} KB)`);
      },
    },
  };
}

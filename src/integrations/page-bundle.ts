/**
 * Astro integration: once the site is built, bundle a page's script (and all
 * it imports) into one classic script, and write it into the page's head in
 * place of the module scripts Astro rendered, with the page's style sheets
 * (`lib/site/page-bundle.ts`). The search page's first results wait for its
 * code and its first layout: this way neither waits for a request. Data the
 * script reads first (the search manifest) goes in the page before it. The
 * page's policy allows the code by its hashes; `_headers` gets them from
 * `inlineCode()`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { buildContentSecurityPolicy, type InlineCode } from '../lib/site/content-security-policy.ts';
import { inlinePageCode, listStyleSheets, setPagePolicy } from '../lib/site/page-bundle.ts';

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
 * @returns The integration, and the code it wrote into the page once the build is done, for the
 *   policy in `_headers` (`publishFiles`, after this one).
 */
export function pageBundle(options: {
  base: string;
  page: string;
  entry: URL;
  define: Record<string, string>;
  inline?: { file: string; element: (text: string) => string }[];
}): AstroIntegration & { inlineCode(): InlineCode } {
  let written: InlineCode | undefined;
  return {
    name: 'clippings:page-bundle',
    inlineCode() {
      if (!written) throw new Error(`page-bundle: ${options.page} is not written yet: list this integration before the one that asks`);
      return written;
    },
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const file = path.join(out, options.page);
        const html = await readFile(file, 'utf8');
        const script = await bundleClassicScript(fileURLToPath(options.entry), options.define);
        const fileOf = (href: string) => {
          if (!href.startsWith(options.base)) throw new Error(`page-bundle: ${options.page} links to ${href}, outside the site's base ${options.base}`);
          return path.join(out, href.slice(options.base.length));
        };
        const styles = new Map<string, string>();
        for (const { href } of listStyleSheets(html)) styles.set(href, await readFile(fileOf(href), 'utf8'));
        const data = await Promise.all(
          (options.inline ?? []).map(async ({ file, element }) => ({
            element: element(await readFile(path.join(out, file), 'utf8')),
            href: `${options.base}${file}`,
          })),
        );
        written = { scripts: [script], styles: [...styles.values()] };
        const page = inlinePageCode(html, { script, styles, data });
        await writeFile(file, setPagePolicy(page, buildContentSecurityPolicy({ delivery: 'meta', inline: written })));
        logger.info(
          `${options.page}: its script (${kilobytes(script)}) and ${styles.size} style sheets (${kilobytes([...styles.values()].join(''))}) written into it`,
        );
      },
    },
  };
}

const kilobytes = (text: string) => `${(Buffer.byteLength(text) / 1024).toFixed(1)} KB`;

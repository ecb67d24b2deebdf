/**
 * `<link rel="modulepreload">` for a page's whole static module graph. Astro
 * renders each `<script>` as a small entry module that imports its shared
 * chunks, and the browser learns of a chunk only once the module importing it
 * has arrived and been parsed: one round trip per level, each waiting for a
 * main thread busy laying out the page. Listed in the head, the preload
 * scanner fetches them all with the page's CSS.
 *
 * A module script placed in the head is made `async` (`makeHeadScriptsAsync`):
 * a deferred module runs only once the page is parsed, its style sheets are in
 * and the scripts before it have run, and Astro cannot mark one `async`.
 */

/**
 * The modules a built module imports statically (`import "./x.js"`,
 * `import { a } from "./x.js"`, `export * from "./x.js"`); dynamic `import()`
 * is left out, as it loads only when used.
 *
 * @param code A bundled ES module, minified or not.
 * @returns Import specifiers, in order of appearance, without repeats.
 */
export function listStaticImports(code: string): string[] {
  const found = new Set<string>();
  const pattern = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?(["'])([^"'\n]+)\1/g;
  for (const match of code.matchAll(pattern)) found.add(match[2]!);
  return [...found];
}

/**
 * The page's module entry scripts (`<script type="module" src>`).
 *
 * @param html A built page.
 * @returns Their `src` values, in document order.
 */
export function listModuleScripts(html: string): string[] {
  const sources: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
    if (!/\btype=["']?module\b/.test(tag)) continue;
    const src = /\bsrc=(["'])([^"']+)\1/.exec(tag)?.[2];
    if (src) sources.push(src);
  }
  return sources;
}

/**
 * Every module an entry reaches through static imports, entries excluded.
 *
 * @param entries URLs of the entry modules (absolute paths, as in the page).
 * @param read The code of a module at a URL path, or undefined when it is not a local file.
 * @returns URL paths of the modules to preload, breadth first.
 */
export function collectModuleGraph(entries: readonly string[], read: (url: string) => string | undefined): string[] {
  const seen = new Set(entries);
  const queue = [...entries];
  const found: string[] = [];
  while (queue.length > 0) {
    const url = queue.shift()!;
    const code = read(url);
    if (code === undefined) continue;
    for (const specifier of listStaticImports(code)) {
      if (!specifier.startsWith('./') && !specifier.startsWith('../') && !specifier.startsWith('/')) continue;
      const target = new URL(specifier, new URL(url, 'https://site.invalid')).pathname;
      if (seen.has(target)) continue;
      seen.add(target);
      found.push(target);
      queue.push(target);
    }
  }
  return found;
}

/**
 * Add `<link rel="modulepreload">` for modules to a page's head, leaving out any it already lists.
 *
 * @param html A built page.
 * @param modules URL paths to preload.
 * @returns The page.
 */
export function addModulePreloads(html: string, modules: readonly string[]): string {
  const missing = modules.filter((href) => !html.includes(`rel="modulepreload" href="${href}"`));
  if (missing.length === 0 || !html.includes('</head>')) return html;
  const links = missing.map((href) => `<link rel="modulepreload" href="${href}">`).join('');
  return html.replace('</head>', `${links}</head>`);
}

/**
 * Mark the module entry scripts in a page's head `async`, so each runs as soon
 * as it and its imports arrive, without waiting for the page's style sheets,
 * its parsing or the body's scripts. Scripts in the body stay deferred.
 *
 * @param html A built page.
 * @returns The page.
 */
export function makeHeadScriptsAsync(html: string): string {
  const end = html.indexOf('</head>');
  if (end < 0) return html;
  const head = html.slice(0, end).replace(/<script\b[^>]*>/g, (tag) =>
    /\btype=["']?module\b/.test(tag) && /\bsrc=/.test(tag) && !/\basync\b/.test(tag) ? tag.replace(/^<script\b/, '<script async') : tag,
  );
  return head + html.slice(end);
}

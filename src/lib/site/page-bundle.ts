/**
 * One classic script in place of a built page's module scripts. Astro renders
 * each `<script>` as a small module entry importing shared chunks: on the
 * search page that was nine requests, and a module runs only after the
 * page's first paint, `async` or not (measured in DESIGN.md, "Browser").
 * A classic script in the head runs as soon as it arrives, and one file is
 * one request. The script itself is bundled by the integration
 * (`integrations/page-bundle.ts`).
 */

const MODULE_SCRIPT = /<script\b(?=[^>]*\btype=["']?module\b)(?=[^>]*\bsrc=)[^>]*><\/script>/g;
const MODULE_PRELOAD = /<link\b(?=[^>]*\brel=["']?modulepreload\b)[^>]*>/g;
const STYLE_SHEET = /<link\b(?=[^>]*\brel=["']?stylesheet\b)[^>]*>/g;

/** Data the page's script reads first, put in the page before it (a JSON data block). */
export interface InlineData {
  /** The element, ready to insert (`inlineManifestBlock`). */
  element: string;
  /** The URL the page would otherwise fetch it from: a `<link rel="preload">` for it is dropped. */
  href: string;
}

/**
 * Replace a page's module scripts (and their `modulepreload` links) by one
 * classic script, placed where its first module script was when that was in
 * the head, else before its first style sheet. Data the script reads goes
 * right before it, in place of the page's preloads for that data. The parser
 * waits for the script, and the style sheets after it were requested only
 * once it had run (DESIGN.md, "Browser"): they are preloaded before it.
 *
 * @param html A built page.
 * @param src The classic script's URL.
 * @param data Data blocks to put before the script.
 * @throws When the page has no module script (it no longer looks like the page the bundle stands for).
 */
export function replaceModuleScripts(html: string, src: string, data: readonly InlineData[] = []): string {
  const first = html.search(MODULE_SCRIPT);
  const headEnd = html.indexOf('</head>');
  if (first < 0) throw new Error('page-bundle: the page has no module script: expected the scripts the bundle stands for');
  if (headEnd < 0) throw new Error('page-bundle: the page has no </head>: expected a whole HTML page');
  const marker = '\u0000page-bundle\u0000';
  let at = first < headEnd ? first : html.slice(0, headEnd).search(STYLE_SHEET);
  if (at < 0) at = headEnd;
  const preloads = [...html.slice(at, headEnd).matchAll(STYLE_SHEET)].map(([link]) => stylePreload(link));
  const tag = `${preloads.join('')}${data.map((block) => block.element).join('')}<script src="${src}"></script>`;
  let marked = html.slice(0, at) + marker + html.slice(at);
  for (const { href } of data) marked = marked.replace(preloadOf(href), '');
  return marked
    .replace(MODULE_SCRIPT, '')
    .replace(MODULE_PRELOAD, '')
    .replace(marker, () => tag);
}

// A preload of the style sheet a `<link rel="stylesheet">` loads, for the same media.
function stylePreload(link: string): string {
  const attribute = (name: string) => new RegExp(`\\s${name}=("[^"]*"|'[^']*'|[^\\s>]+)`).exec(link)?.[1];
  const [href, media] = [attribute('href'), attribute('media')];
  return href ? `<link rel="preload" href=${href} as="style"${media ? ` media=${media}` : ''}>` : '';
}

// A `<link rel="preload">` of one URL.
function preloadOf(href: string): RegExp {
  const url = href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`<link\\b(?=[^>]*\\brel=["']?preload\\b)(?=[^>]*\\bhref=["']?${url}["'\\s>])[^>]*>`, 'g');
}

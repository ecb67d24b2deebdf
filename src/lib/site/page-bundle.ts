/**
 * A built page made to need no request before its first layout: its module
 * scripts replaced by one classic script, written into the page, and its
 * style sheets written into it too. Astro renders each `<script>` as a small
 * module entry importing shared chunks (on the search page, nine requests),
 * and a module runs only after the page's first paint, `async` or not. A
 * classic script in the head runs as it is parsed; but one in a file waits
 * for that file and for the style sheets before it, and the page's first
 * layout for both (measured in DESIGN.md, "Browser"). The script itself is
 * bundled by the integration (`integrations/page-bundle.ts`), which also
 * allows both in the Content-Security-Policy by their hashes.
 */

const MODULE_SCRIPT = /<script\b(?=[^>]*\btype=["']?module\b)(?=[^>]*\bsrc=)[^>]*><\/script>/g;
const MODULE_PRELOAD = /<link\b(?=[^>]*\brel=["']?modulepreload\b)[^>]*>/g;
const STYLE_SHEET = /<link\b(?=[^>]*\brel=["']?stylesheet\b)[^>]*>/g;
const POLICY_META = /(<meta\b(?=[^>]*\bhttp-equiv=["']?Content-Security-Policy\b)[^>]*\bcontent=)("[^"]*"|'[^']*')/i;

/** Data the page's script reads first, put in the page before it (a JSON data block). */
export interface InlineData {
  /** The element, ready to insert (`inlineManifestBlock`). */
  element: string;
  /** The URL the page would otherwise fetch it from: a `<link rel="preload">` for it is dropped. */
  href: string;
}

/** A style sheet the page links to from its head. */
export interface LinkedStyleSheet {
  href: string;
  media: string | undefined;
}

/**
 * The style sheets a page's head links to, in order.
 *
 * @param html A built page.
 */
export function listStyleSheets(html: string): LinkedStyleSheet[] {
  return [...headOf(html).matchAll(STYLE_SHEET)].flatMap(([link]) => {
    const href = attribute(link, 'href');
    return href === undefined ? [] : [{ href, media: attribute(link, 'media') }];
  });
}

/**
 * Write a page's code into it: its module scripts (and their `modulepreload`
 * links) give way to one classic script, placed where its first module
 * script was when that was in the head, else before its first style sheet;
 * each style sheet its head links to becomes a `<style>` in place of its link.
 * Data the script reads goes right before it, in place of the page's
 * preloads for that data.
 *
 * @param html A built page.
 * @param code.script The classic script's text.
 * @param code.styles Each linked style sheet's text, by its `href` (`listStyleSheets`).
 * @param code.data Data blocks to put before the script.
 * @throws When the page has no module script (it no longer looks like the page the bundle stands for),
 *   or a text could end its element early or, for a style sheet, holds a URL (it would resolve
 *   against the page, not the sheet).
 */
export function inlinePageCode(html: string, code: { script: string; styles: ReadonlyMap<string, string>; data?: readonly InlineData[] }): string {
  const first = html.search(MODULE_SCRIPT);
  const headEnd = html.indexOf('</head>');
  if (first < 0) throw new Error('page-bundle: the page has no module script: expected the scripts the bundle stands for');
  if (headEnd < 0) throw new Error('page-bundle: the page has no </head>: expected a whole HTML page');
  if (/<\/script|<!--/i.test(code.script)) throw new Error('page-bundle: the script holds "</script" or "<!--": it cannot be written into the page');
  const marker = '\u0000page-bundle\u0000';
  let at = first < headEnd ? first : html.slice(0, headEnd).search(STYLE_SHEET);
  if (at < 0) at = headEnd;
  const data = code.data ?? [];
  const tag = `${data.map((block) => block.element).join('')}<script>${code.script}</script>`;
  let marked = html.slice(0, at) + marker + html.slice(at);
  for (const { href } of data) marked = marked.replace(preloadOf(href), '');
  const headAt = marked.indexOf('</head>');
  const head = marked
    .slice(0, headAt)
    .replace(STYLE_SHEET, (link) => styleElement(link, code.styles))
    .replace(MODULE_SCRIPT, '')
    .replace(MODULE_PRELOAD, '');
  const body = marked.slice(headAt).replace(MODULE_SCRIPT, '').replace(MODULE_PRELOAD, '');
  return (head + body).replace(marker, () => tag);
}

/**
 * Set the policy of a page's `<meta http-equiv="Content-Security-Policy">`.
 *
 * @param html A built page.
 * @param policy The policy, for a meta element (`buildContentSecurityPolicy`).
 * @throws When the page has no such element: it would have no policy to widen.
 */
export function setPagePolicy(html: string, policy: string): string {
  if (!POLICY_META.test(html)) throw new Error('page-bundle: the page has no Content-Security-Policy meta element: expected the one BaseLayout writes');
  return html.replace(POLICY_META, (_, start: string) => `${start}"${policy.replaceAll('"', '&quot;')}"`);
}

// A `<style>` in place of a style sheet's link, for the same media.
function styleElement(link: string, styles: ReadonlyMap<string, string>): string {
  const href = attribute(link, 'href');
  const text = href === undefined ? undefined : styles.get(href);
  if (text === undefined) return link;
  if (/<\/style/i.test(text)) throw new Error(`page-bundle: ${href} holds "</style": it cannot be written into the page`);
  if (/\burl\(|@import/i.test(text)) throw new Error(`page-bundle: ${href} refers to other files (url() or @import): expected a sheet that stands alone`);
  const media = attribute(link, 'media');
  return `<style${media === undefined ? '' : ` media="${media.replaceAll('"', '&quot;')}"`}>${text}</style>`;
}

// An attribute's value, unquoted.
function attribute(tag: string, name: string): string | undefined {
  const value = new RegExp(`\\s${name}=("[^"]*"|'[^']*'|[^\\s>]+)`).exec(tag)?.[1];
  return value === undefined ? undefined : value.replace(/^["']|["']$/g, '');
}

function headOf(html: string): string {
  const end = html.indexOf('</head>');
  return end < 0 ? '' : html.slice(0, end);
}

// A `<link rel="preload">` of one URL.
function preloadOf(href: string): RegExp {
  const url = href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`<link\\b(?=[^>]*\\brel=["']?preload\\b)(?=[^>]*\\bhref=["']?${url}["'\\s>])[^>]*>`, 'g');
}

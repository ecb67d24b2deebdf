/**
 * Redirects between site paths: the list a redirect route renders pages for
 * (`RedirectPage.astro`), the `_redirects` file hosts such as Netlify and
 * Cloudflare answer with a real 301, and the paths the sitemap leaves out.
 * Any kind of page that moves (stories, entities) adds its list here.
 */

/** One moved page: site-relative paths, both ending in "/". */
export interface Redirect {
  from: string;
  to: string;
}

/** Story redirects as the ingest writes them (`.redirects.json` beside the entries): slugs. */
export interface SlugRedirect {
  from: string;
  to: string;
}

/**
 * The site paths of story redirects.
 *
 * @param slugs The ingest's `.redirects.json`, parsed.
 */
export function storyRedirects(slugs: readonly SlugRedirect[]): Redirect[] {
  return slugs.map(({ from, to }) => ({ from: `/articles/${from}/`, to: `/articles/${to}/` }));
}

/**
 * A `_redirects` file: one `from to 301` line each, sorted, so a host that
 * reads it answers with a permanent redirect before the static page is served.
 */
export function formatRedirectsFile(redirects: readonly Redirect[]): string {
  const lines = redirects.map(({ from, to }) => `${encodeURI(from)} ${encodeURI(to)} 301`).sort();
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

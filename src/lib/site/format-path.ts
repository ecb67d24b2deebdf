/**
 * Site paths under a base path, as Starlight's `createPathFormatter` does:
 * a pure factory here, bound once to the build's base in `paths.ts`. Paths
 * are written without the base ("a-z/", "/articles/x/") and always come back
 * under it ("/archive/a-z/").
 */

/** The path helpers bound to one base. */
export interface PathFormatter {
  /** The base itself, starting and ending with "/". */
  base: string;
  /** Any site path under the base: "a-z/" or "/a-z/" → "/archive/a-z/"; "" → the base. */
  path: (sitePath: string) => string;
  /** A story's page. */
  story: (slug: string) => string;
  /** One dump file's listing, by its key. */
  source: (key: string) => string;
  /** One letter of the A–Z index, by its URL segment. */
  letter: (segment: string) => string;
  /** A file of the search index ("manifest.json"), or its folder (""). */
  searchData: (file?: string) => string;
  /** The route of a served pathname, the base taken off: "/archive/a-z/" → "/a-z/". */
  route: (pathname: string) => string;
}

/**
 * Bind the path helpers to a base path.
 *
 * @param base The site's base ("/", "/archive/", "archive"): normalized to "/…/".
 */
export function createPathFormatter(base: string): PathFormatter {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  const root = trimmed === '' ? '/' : `/${trimmed}/`;
  // Called for every link of every page: the regex only when there is a slash to strip.
  const format = (sitePath: string) => root + (sitePath.startsWith('/') ? sitePath.replace(/^\/+/, '') : sitePath);
  return {
    base: root,
    path: format,
    story: (slug) => format(`articles/${slug}/`),
    source: (key) => format(`sources/${key}/`),
    letter: (segment) => format(`a-z/${segment}/`),
    searchData: (file = '') => format(`search/data/${file}`),
    route: (pathname) => (pathname.startsWith(root) ? `/${pathname.slice(root.length)}` : pathname),
  };
}

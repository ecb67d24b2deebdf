/**
 * What each kind of page costs in a build: Astro logs every page it writes
 * with the time it took, so the sums over each kind of page give their
 * shares of the render.
 */

/** Kinds of page, first match wins; everything else is "stories" or "listings and the rest". */
const GROUPS: ReadonlyArray<[name: string, test: RegExp]> = [
  ['stories', /^\/articles\//],
  ['entity pages', /^\/(?:people|places|organisations)\//],
  ['date pages', /^\/(?:dates|latest)\//],
  ['quote pages', /^\/quotes\//],
  ['listings and the rest', /^/],
];

/** The knowledge layer's pages, reported apart from stories and listings. */
export const KNOWLEDGE_GROUPS: readonly string[] = ['entity pages', 'date pages', 'quote pages'];

/** Pages of one kind and the sum of their logged render times. */
export interface PageGroup {
  name: string;
  pages: number;
  seconds: number;
}

const PAGE_LINE = /[├└]─ (\/\S*?)\s*\(\+(\d+(?:\.\d+)?)(ms|s)\)/g;

/**
 * Sum an Astro build log's page lines by kind of page.
 *
 * @param log The build's output.
 * @returns Every kind, in the order above, with its pages and seconds (zero when absent).
 */
export function sumPageGroups(log: string): PageGroup[] {
  const groups = GROUPS.map(([name]) => ({ name, pages: 0, seconds: 0 }));
  for (const [, page = '', time = '0', unit] of log.matchAll(PAGE_LINE)) {
    const group = groups[GROUPS.findIndex(([, test]) => test.test(page))] as PageGroup;
    group.pages++;
    group.seconds += Number(time) / (unit === 's' ? 1 : 1000);
  }
  return groups;
}

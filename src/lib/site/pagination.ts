/**
 * Page numbers and links for paginated listings.
 */

/** One entry of a pager: a page number, or a gap between distant numbers. */
export type PagerItem = { type: 'page'; page: number; current: boolean } | { type: 'gap' };

/**
 * How many pages a listing needs.
 *
 * @param total Items in the listing.
 * @param pageSize Items per page.
 * @returns At least 1, so an empty listing still has its first page.
 */
export function countPages(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/**
 * The items of one page.
 *
 * @param items Every item, in order.
 * @param page One-based page number.
 * @param pageSize Items per page.
 * @returns The slice shown on that page.
 */
export function slicePage<T>(items: readonly T[], page: number, pageSize: number): T[] {
  return items.slice((page - 1) * pageSize, page * pageSize);
}

/**
 * The URL of a page of a listing: the first page is the listing itself.
 *
 * @param base The listing's URL, ending in "/" ("/", "/sources/a-txt/").
 * @param page One-based page number.
 * @param segment Path segment before the number ("page/" on the front page, "" elsewhere).
 * @returns "/", "/page/2/", "/sources/a-txt/3/".
 */
export function pageHref(base: string, page: number, segment = ''): string {
  return page <= 1 ? base : `${base}${segment}${page}/`;
}

/**
 * The page numbers a pager shows: the first, the last, and a window around
 * the current page, with gaps where numbers are skipped.
 *
 * @param current One-based current page.
 * @param pages How many pages there are.
 * @param radius Neighbours shown on each side of the current page.
 * @returns Items in order.
 */
export function listPagerItems(current: number, pages: number, radius = 2): PagerItem[] {
  const items: PagerItem[] = [];
  let previous = 0;
  for (let page = 1; page <= pages; page++) {
    const near = Math.abs(page - current) <= radius;
    if (page !== 1 && page !== pages && !near) continue;
    if (page - previous > 1) items.push({ type: 'gap' });
    items.push({ type: 'page', page, current: page === current });
    previous = page;
  }
  return items;
}

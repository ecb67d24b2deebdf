/**
 * Where the search page's script leaves the live search it has already
 * loaded, so `<clippings-search>` uses that copy instead of importing its own
 * (on the search page the build bundles every script into one file:
 * `search-page.ts`).
 */
import type { enhanceSearch } from './live-search.ts';

/** What the search box needs of the live search. */
export interface LiveSearch {
  enhanceSearch: typeof enhanceSearch;
}

let provided: LiveSearch | undefined;

/**
 * Offer a loaded live search to the search boxes of this page.
 *
 * @param live The live search module, or what the boxes need of it.
 */
export function provideLiveSearch(live: LiveSearch): void {
  provided = live;
}

/**
 * The live search: the copy already loaded on this page, else imported.
 */
export function loadLiveSearch(): Promise<LiveSearch> {
  return provided ? Promise.resolve(provided) : import('./live-search.ts');
}

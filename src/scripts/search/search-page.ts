/**
 * The search page's script. In a build, this file and all it imports become
 * one classic script in the page's head, in place of the page's module
 * scripts (`integrations/page-bundle.ts`): it runs as soon as it arrives,
 * before the first paint, and the page fetches its code in one request
 * rather than nine. It starts the query in the URL at once; the page's other
 * scripts (search boxes, shortcut setting, theme toggle, service worker) run
 * once the page is parsed, as the deferred module scripts they stand for
 * would. In `astro dev` the page loads it as a module beside those scripts,
 * and the module loader runs each of them once.
 */
import * as liveSearch from './live-search.ts';
import { provideLiveSearch } from './live-search-slot.ts';

liveSearch.startQueryFromUrl();
provideLiveSearch(liveSearch);

// Every script the search page's components and layout load: a script added to them must be added here.
function runPageScripts(): void {
  void import('./search-box.ts');
  void import('./search-shortcut-toggle.ts');
  void import('../theme/theme-toggle.ts');
  void import('../offline/register-service-worker.ts');
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', runPageScripts, { once: true });
else runPageScripts();

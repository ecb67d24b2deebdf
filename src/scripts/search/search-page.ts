/**
 * The search page's script. In a build, this file and all it imports become
 * one classic script written into the page's head, in place of the page's
 * module scripts (`integrations/page-bundle.ts`): it runs as it is parsed,
 * before the first paint, and the page fetches no code at all, where its
 * modules were nine requests. It starts the query in the URL at once; the
 * page's other scripts (search boxes, shortcut setting, theme toggle, service
 * worker) run once the page is parsed, as the deferred module scripts they stand for
 * would, and once the first results are shown (DESIGN.md, "Browser"). In
 * `astro dev` the page loads it as a module beside those scripts,
 * and the module loader runs each of them once.
 */
import * as liveSearch from './live-search.ts';
import { provideLiveSearch } from './live-search-slot.ts';
import { afterPaint } from './after-paint.ts';

const firstResults = liveSearch.startQueryFromUrl();
provideLiveSearch(liveSearch);

// Every script the search page's components and layout load: a script added to them must be added here.
function runPageScripts(): void {
  void import('./search-box.ts');
  void import('./search-shortcut-toggle.ts');
  void import('../theme/theme-toggle.ts');
  void import('../offline/register-service-worker.ts');
}

// Once the page is parsed and the first results are painted (or known to be none): before them,
// these scripts would take the main thread the query and the results' first frame need. A slow
// network does not keep the page's controls waiting longer than a second.
const parsed = new Promise<void>((resolve) =>
  document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }) : resolve(),
);
const atMost = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
void parsed.then(() => Promise.race([firstResults.then(afterPaint), atMost(1000)])).then(runPageScripts);

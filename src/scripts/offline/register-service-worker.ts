/**
 * Register the service worker (`sw.js`, written by the build with Workbox)
 * once the page has loaded and the browser is idle, so its precache of the
 * shell never competes with the page's own requests. On the search page
 * opened with a query, the idle moments while the first search waits for its
 * files are not idle: there it waits until the first results are shown.
 */
import { paths } from '../../lib/site/paths.ts';

/** Longest wait for a first search before registering anyway (a search that failed). */
const SEARCH_WAIT_MS = 10_000;

// No `import.meta.env.PROD` guard: a build run with NODE_ENV=test (Vitest's) has it false. In
// `astro dev` there is no sw.js, and the registration fails quietly.
if ('serviceWorker' in navigator) {
  const register = () => {
    navigator.serviceWorker.register(paths.path('sw.js'), { scope: paths.base }).catch(() => {
      // No worker (a host that blocks it, a private window): the site works online as before.
    });
  };
  const whenIdle = () => ('requestIdleCallback' in window ? requestIdleCallback(register, { timeout: 5000 }) : setTimeout(register, 1000));
  const whenLoaded = () => (document.readyState === 'complete' ? whenIdle() : addEventListener('load', whenIdle, { once: true }));
  const searching = document.querySelector('clippings-search[data-mode="page"]') !== null && new URL(location.href).searchParams.get('q');
  if (searching) {
    let done = false;
    const afterSearch = () => {
      if (done) return;
      done = true;
      whenLoaded();
    };
    addEventListener('clippings-search:rendered', afterSearch, { once: true });
    setTimeout(afterSearch, SEARCH_WAIT_MS);
  } else whenLoaded();
}

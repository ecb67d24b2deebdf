/**
 * Register the service worker (`sw.js`, written by the build with Workbox)
 * once the page has loaded and the browser is idle, so its precache of the
 * shell never competes with the page's own requests.
 */
import { paths } from '../../lib/site/paths.ts';

// No `import.meta.env.PROD` guard: a build run with NODE_ENV=test (Vitest's) has it false. In
// `astro dev` there is no sw.js, and the registration fails quietly.
if ('serviceWorker' in navigator) {
  const register = () => {
    navigator.serviceWorker.register(paths.path('sw.js'), { scope: paths.base }).catch(() => {
      // No worker (a host that blocks it, a private window): the site works online as before.
    });
  };
  const whenIdle = () => ('requestIdleCallback' in window ? requestIdleCallback(register, { timeout: 5000 }) : setTimeout(register, 1000));
  if (document.readyState === 'complete') whenIdle();
  else addEventListener('load', whenIdle, { once: true });
}

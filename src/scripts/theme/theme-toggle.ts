/**
 * The theme toggle: light or dark, remembered in `localStorage` under the key
 * the head's theme script reads (`lib/site/theme-init.ts`). A bundled file,
 * not an inline script, so the Content-Security-Policy needs no hash for it.
 */
import { THEME_STORAGE_KEY } from '../../lib/site/theme-init.ts';

const button = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
if (button) {
  const root = document.documentElement;
  const system = matchMedia('(prefers-color-scheme: dark)');
  const current = () => root.dataset.theme || (system.matches ? 'dark' : 'light');
  const show = () => button.setAttribute('aria-pressed', String(current() === 'dark'));
  show();
  button.dataset.enhanced = '';
  system.addEventListener('change', show);
  button.addEventListener('click', () => {
    const next = current() === 'dark' ? 'light' : 'dark';
    root.dataset.theme = next;
    try {
      localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Storage may be off (private mode): the choice lasts for this page only.
    }
    show();
  });
}

/**
 * `<clippings-search>`: wraps the plain search form. Loaded on every page, it
 * stays tiny: it adds the "/" shortcut and imports the live search code only
 * when the reader starts to use the box (or straight away on the search page).
 * Without JavaScript the form still submits to /search/?q=….
 */
import { loadLiveSearch } from './live-search-slot.ts';

/** localStorage key; "off" turns the "/" shortcut off (WCAG 2.1.4 Character Key Shortcuts). */
export const SLASH_SHORTCUT_KEY = 'clippings-search-slash';

/**
 * Whether the "/" shortcut is on (it is unless the reader turned it off).
 *
 * @returns True when "/" should focus the search box.
 */
export function isSlashShortcutOn(): boolean {
  try {
    return localStorage.getItem(SLASH_SHORTCUT_KEY) !== 'off';
  } catch {
    return true;
  }
}

/**
 * Turn the "/" shortcut on or off, for this browser.
 *
 * @param on The new setting.
 */
export function setSlashShortcut(on: boolean): void {
  try {
    if (on) localStorage.removeItem(SLASH_SHORTCUT_KEY);
    else localStorage.setItem(SLASH_SHORTCUT_KEY, 'off');
  } catch {
    // Storage blocked: the setting lasts for this page only.
  }
}

// Typing into any field, editable region or select must never trigger the shortcut.
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select, [contenteditable]') !== null;
}

class ClippingsSearch extends HTMLElement {
  #loading: Promise<void> | undefined;

  connectedCallback(): void {
    const input = this.querySelector<HTMLInputElement>('input[name="q"]');
    if (!input) return;
    const load = () => this.#enhance();
    if (this.dataset.mode === 'page' || input.value !== '') load();
    else {
      for (const type of ['focus', 'pointerenter', 'input'] as const) input.addEventListener(type, load, { once: true });
    }
  }

  #enhance(): Promise<void> {
    return (this.#loading ??= loadLiveSearch().then(({ enhanceSearch }) => {
      enhanceSearch(this);
      this.dataset.enhanced = '';
      // A query typed into the header box before the code arrived still gets its results.
      if (this.dataset.mode !== 'page') this.querySelector('input')?.dispatchEvent(new Event('input'));
    }));
  }
}

if (!customElements.get('clippings-search')) customElements.define('clippings-search', ClippingsSearch);

document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
  if (isTyping(event.target) || !isSlashShortcutOn()) return;
  const box =
    document.querySelector<HTMLInputElement>('clippings-search[data-mode="page"] input[name="q"]') ??
    document.querySelector<HTMLInputElement>('clippings-search input[name="q"]');
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
});

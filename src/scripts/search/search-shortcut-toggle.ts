/**
 * The setting for the "/" shortcut (`SearchShortcutToggle.astro`), shown
 * wherever JavaScript runs: checked as stored, and stored when changed.
 */
import { isSlashShortcutOn, setSlashShortcut } from './search-box.ts';

for (const box of document.querySelectorAll<HTMLInputElement>('[data-search-shortcut]')) {
  box.checked = isSlashShortcutOn();
  box.addEventListener('change', () => setSlashShortcut(box.checked));
  box.dataset.enhanced = '';
}

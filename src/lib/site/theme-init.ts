/**
 * The one inline script of every page: it sets the remembered theme before
 * the first paint (a bundled module would run after it, and the page would
 * flash). Kept as a string so the Content-Security-Policy can carry its hash
 * (`content-security-policy.ts`): change it here and the hash follows.
 */

/** Where the chosen theme is remembered. */
export const THEME_STORAGE_KEY = 'clippings-theme';

export const THEME_INIT_SCRIPT = `try{const t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch{}`;

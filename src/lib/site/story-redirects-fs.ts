/**
 * The story redirects the ingest wrote beside the entries (`.redirects.json`):
 * none when there is no such file (entries from before the URL ledger).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { storyRedirects, type Redirect, type SlugRedirect } from './redirects.ts';

/**
 * @param articlesDir The entries folder.
 */
export function loadStoryRedirects(articlesDir: string): Redirect[] {
  let text: string;
  try {
    text = readFileSync(path.join(articlesDir, '.redirects.json'), 'utf8');
  } catch {
    return [];
  }
  return storyRedirects(JSON.parse(text) as SlugRedirect[]);
}

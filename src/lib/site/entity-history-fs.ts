/**
 * The entity history on disk (`entity-history.ts` says what it is): read
 * before the entity pages are planned, written after, and read again when
 * the build is done for the `_redirects` file and the sitemap.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseEntityHistory, parseLegacyEntityHistory, type ReadEntityHistory } from './knowledge/entity-history.ts';
import type { Redirect } from './redirects.ts';

/** Where builds before the history was kept in git recorded it: read once, when there is no history file yet. */
const LEGACY_NAME = '.entity-history.json';

const shown = (file: string) => path.relative(process.cwd(), file) || file;

/**
 * Read the history: a missing file is a first build (or one from before the
 * file existed, whose record beside the entries is read instead).
 *
 * @param file The history file.
 * @param articlesDir The entries folder.
 * @throws EntityHistoryError naming the line of a damaged or contradictory file.
 */
export function readEntityHistory(file: string, articlesDir: string): ReadEntityHistory {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const legacy = path.join(articlesDir, LEGACY_NAME);
    return { history: parseLegacyEntityHistory(existsSync(legacy) ? readFileSync(legacy, 'utf8') : undefined), redirects: [] };
  }
  return parseEntityHistory(text, shown(file));
}

/**
 * Write the history when its text changed, whole or not at all.
 *
 * @param file The history file.
 * @param text `serializeEntityHistory(…)`.
 */
export function writeEntityHistory(file: string, text: string): void {
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return;
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/**
 * The entity redirects the last build wrote to the history, as site paths.
 *
 * @param file The history file.
 */
export function loadEntityRedirects(file: string): Redirect[] {
  if (!existsSync(file)) return [];
  return parseEntityHistory(readFileSync(file, 'utf8'), shown(file)).redirects.map(({ kind, from, to }) => ({
    from: `/${kind}/${from}/`,
    to: `/${kind}/${to}/`,
  }));
}

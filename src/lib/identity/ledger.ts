/**
 * The URL ledger: every story URL the archive has published, and the story
 * each belongs to now. A plain text file, one line per URL, sorted, so that
 * its git history is the archive's URL history:
 *
 *   url <slug> <story id>          /articles/<slug>/ belongs to that story
 *   text <content id> <story id>   a version of a story whose text hash is not the story id
 *
 * Lines starting with "#" and blank lines are comments.
 */
import { IngestError } from '../ingest/errors.ts';
import { LedgerLines, ledgerOfText, sortedLines } from './ledger-text.ts';

/** The ledger in memory: maps, or the text this ingest wrote read in place (`ledger-text.ts`). */
export interface Ledger {
  /** Slug → story id, for every URL ever published. */
  urls: ReadonlyMap<string, string>;
  /** Content id → story id, for versions whose own hash is not their story's id. */
  texts: ReadonlyMap<string, string>;
}

/** A ledger being built. */
export interface LedgerMaps extends Ledger {
  urls: Map<string, string>;
  texts: Map<string, string>;
}

/** Who owns which URL: the URLs of each story. */
export interface Owners {
  /** One slug, or an array for a story with more. */
  get(story: string): string | readonly string[] | undefined;
  has(story: string): boolean;
  /** Every story with more than one URL. */
  forEachShared(visit: (urls: readonly string[], story: string) => void): void;
}

const HEADER = `# Clippings URL ledger: every story URL the archive has published, and the story it belongs to now.
# Written by the ingest (README, "The URL ledger"); keep it in git. A fresh clone with the same dumps and
# this file builds the same URLs and redirects. Lines: "url <slug> <story id>", "text <content id> <story id>".
`;

const ID = /^[0-9a-f]{16}$/;
const SLUG = /^[\p{L}\p{N}\p{M}]+(?:-[\p{L}\p{N}\p{M}]+)*$/u;
// Most slugs: the same test without Unicode classes, several times faster.
const PLAIN_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The URLs each story was published under. A map holds one slug, or an array
 * for the few with more (a string each would be 100k arrays at 100k stories).
 */
export function publishedUrls(ledger: Ledger): Owners {
  if (ledger.urls instanceof LedgerLines) return ledger.urls.owners();
  const published = new Map<string, string | string[]>();
  const shared = new Set<string>();
  ledger.urls.forEach((story, slug) => {
    const had = published.get(story);
    if (had === undefined) published.set(story, slug);
    else if (typeof had === 'string') {
      published.set(story, [had, slug]);
      shared.add(story);
    } else had.push(slug);
  });
  return {
    get: (story) => published.get(story),
    has: (story) => published.has(story),
    forEachShared: (visit) => shared.forEach((story) => visit(published.get(story) as string[], story)),
  };
}

/** An empty ledger (a first run). */
export function emptyLedger(): LedgerMaps {
  return { urls: new Map(), texts: new Map() };
}

/**
 * Read a ledger, checking it is well formed and says one thing of each URL and text.
 *
 * @param text The file's content.
 * @param file Its path, for errors.
 * @throws IngestError naming the first bad line.
 */
export function parseLedger(text: string, file: string): LedgerMaps {
  const ledger = emptyLedger();
  const lines = text.split('\n');
  // Where each key was seen, looked for only to name both lines of a contradiction.
  const fieldsOf = (line: string) => readLine(line) ?? line.split(/\s+/);
  const lineOf = (kind: 'url' | 'text', key: string) =>
    1 +
    lines.findIndex((line) => {
      const [lineKind, lineKey] = fieldsOf(line.trim());
      return lineKind === kind && lineKey === key;
    });
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '' || line.charCodeAt(0) === 35 /* # */) continue;
    const fail = (reason: string): never => {
      throw new IngestError(file, i + 1, reason);
    };
    const [kind, key, story, extra] = fieldsOf(line);
    if ((kind !== 'url' && kind !== 'text') || key === undefined || story === undefined || extra !== undefined) {
      fail(`cannot read "${line}", expected "url <slug> <story id>" or "text <content id> <story id>"`);
    }
    if (!ID.test(story as string)) fail(`"${story}" is not a story id, expected 16 hex digits`);
    if (kind === 'url') {
      if (!PLAIN_SLUG.test(key as string) && !SLUG.test(key as string)) fail(`"${key}" is not a slug, expected words of letters or digits joined by "-"`);
      const seen = ledger.urls.get(key as string);
      if (seen !== undefined && seen !== story) {
        fail(`${key} belongs to story ${story} here and to ${seen} on line ${lineOf('url', key as string)}, expected one story per URL`);
      }
      ledger.urls.set(key as string, story as string);
    } else {
      if (!ID.test(key as string)) fail(`"${key}" is not a content id, expected 16 hex digits`);
      const seen = ledger.texts.get(key as string);
      if (seen !== undefined && seen !== story) {
        fail(`text ${key} belongs to story ${story} here and to ${seen} on line ${lineOf('text', key as string)}, expected one story per text`);
      }
      ledger.texts.set(key as string, story as string);
    }
  }
  // A story merged into another leaves no URL of its own: its text cannot name it and own URLs.
  const versionsOfOthers = new Map<string, string>();
  for (const [content, story] of ledger.texts) if (content !== story) versionsOfOthers.set(content, story);
  if (versionsOfOthers.size === 0) return ledger;
  for (const [slug, owner] of ledger.urls) {
    const story = versionsOfOthers.get(owner);
    if (story === undefined) continue;
    throw new IngestError(
      file,
      lineOf('url', slug),
      `${slug} belongs to story ${owner}, but line ${lineOf('text', owner)} says that text is a version of story ${story}, expected "url ${slug} ${story}"`,
    );
  }
  return ledger;
}

/** A line written as the ingest writes them, "kind key story" with single spaces, read without a regular expression; undefined for any other (then split on white space). */
function readLine(line: string): [string, string, string] | undefined {
  const first = line.indexOf(' ');
  const second = line.indexOf(' ', first + 1);
  if (first <= 0 || second <= first + 1 || line.indexOf(' ', second + 1) !== -1 || /[\t\v\f\r\u00a0\u2000-\u200a\u2028\u2029\u3000]/.test(line))
    return undefined;
  return [line.slice(0, first), line.slice(first + 1, second), line.slice(second + 1)];
}

/**
 * Read a ledger this ingest wrote and nothing changed since (the manifest
 * recorded its hash): its lines are as `serializeLedger` writes them, sorted,
 * so they are read in place, without the checks or a map of them.
 *
 * @returns undefined when `text` is not as `serializeLedger` writes.
 */
export function parseOwnLedger(text: string): Ledger | undefined {
  return isAsWritten(text) ? ledgerOfText(text, HEADER.length) : undefined;
}

/** A text that starts as `serializeLedger` writes and ends with a whole line. */
const isAsWritten = (text: string) => text.startsWith(HEADER) && (text.length === HEADER.length || text.endsWith('\n'));

/**
 * The text `serializeLedger` writes for a ledger it wrote `text` for, with
 * some lines set: those lines put in place, the rest copied. A re-run that
 * changed a few lines of 100k sorted them all again.
 *
 * @param text What `serializeLedger` wrote.
 * @param lines The url and text lines to set (new, or another story).
 * @returns undefined when `text` is not as `serializeLedger` writes.
 */
export function patchLedger(text: string, lines: Ledger): string | undefined {
  if (!isAsWritten(text)) return undefined;
  const { starts, lines: count, textsFrom } = sortedLines(text, HEADER.length);
  const keyOf = (line: number, kind: number) => {
    const from = (starts[line] as number) + kind;
    return text.slice(from, text.indexOf(' ', from));
  };
  let out = '';
  let copied = 0;
  // Each section's changed keys in order, each put at the first line whose key is not less.
  const patch = (changed: ReadonlyMap<string, string>, kind: 'url' | 'text', first: number, end: number) => {
    for (const key of [...changed.keys()].sort()) {
      let [low, high] = [first, end];
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (keyOf(middle, kind.length + 1) < key) low = middle + 1;
        else high = middle;
      }
      const at = starts[low] as number;
      out += `${text.slice(copied, at)}${kind} ${key} ${changed.get(key)}\n`;
      const replaced = low < end && keyOf(low, kind.length + 1) === key;
      copied = replaced ? (starts[low + 1] as number) : at;
    }
  };
  patch(lines.urls, 'url', 0, textsFrom);
  patch(lines.texts, 'text', textsFrom, count);
  return out + text.slice(copied);
}

/**
 * Write a ledger: a header, then url lines by slug, then text lines by content id.
 */
export function serializeLedger(ledger: Ledger): string {
  // The keys alone, by the default sort (UTF-16 order, as `<` compares): a
  // comparator over [key, value] pairs took twice as long at 100k URLs.
  let out = HEADER;
  for (const slug of [...ledger.urls.keys()].sort()) out += `url ${slug} ${ledger.urls.get(slug)}\n`;
  for (const content of [...ledger.texts.keys()].sort()) out += `text ${content} ${ledger.texts.get(content)}\n`;
  return out;
}
